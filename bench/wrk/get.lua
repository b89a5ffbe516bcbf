-- Plain GET of the URL given to wrk, with the shared report line: usage  wrk -s get.lua URL
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")
