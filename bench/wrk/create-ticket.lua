-- POST /api/v1/tickets (or the ceiling's POST /items: same body) with a different incident each
-- time, so triage sees varied text: usage  wrk -s create-ticket.lua http://127.0.0.1:PORT/api/v1/tickets
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local titles = {
  "VPN disconnects every few minutes", "Printer on floor 3 shows offline", "Outlook keeps asking for my password",
  "Locked out of my account", "Laptop will not turn on", "Suspicious email asking for bank details",
  "Database deadlock on the orders service", "Please grant access to the Finance share", "Excel crashes on start",
  "Meeting room screen shows no signal", "Desk phone has no dial tone", "Wifi keeps dropping in the Leeds office",
}
local details = {
  "It started this morning and colleagues in Finance see the same thing.",
  "I have restarted the computer twice and it did not help.",
  "The error code on the screen is 0x80070005 and the job stays in the queue.",
  "We have a client presentation at 14:00, so this is becoming urgent.",
  "The self-service page returns an error when I submit the form.",
  "Replication lag has grown to over thirty minutes and reports are stale.",
  "Please call me on extension 4021 if you need more details. Thanks in advance.",
}

local counter = 0
local headers

request = function()
  if not headers then
    -- wrk.format uses either these headers or wrk.headers (which carry the token), not both.
    headers = { ["Content-Type"] = "application/json" }
    for name, value in pairs(wrk.headers) do
      headers[name] = headers[name] or value
    end
  end

  counter = counter + 1
  local title = titles[counter % #titles + 1]
  local body = string.format(
    '{"title":"%s","description":"%s %s %s","impact":%d,"urgency":%d,"caller":"load.test%d@example.com"}',
    title, details[counter % #details + 1], details[(counter * 3) % #details + 1], details[(counter * 5) % #details + 1],
    counter % 3 + 1, math.floor(counter / 3) % 3 + 1, counter % 97)
  return wrk.format("POST", nil, headers, body)
end
