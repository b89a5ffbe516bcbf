-- GET the page that a cursor names: usage  wrk -s page.lua http://127.0.0.1:PORT/api/v1/tickets -- CURSOR [QUERY]
-- run.sh finds the cursor by following nextCursor from the first page (curl), then loads that one page.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local path

init = function(args)
  local cursor = args[1] or ""
  local query = args[2] or ""
  path = wrk.path .. "?cursor=" .. cursor .. (query ~= "" and ("&" .. query) or "")
end

request = function()
  return wrk.format("GET", path)
end
