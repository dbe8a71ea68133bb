-- wrk script: 200 users (sessions prepared by load.sh in sessions.tsv: role, SESSION cookie, CSRF token,
-- an assignment of the user's agency), each request from a random user, the user's role choosing the page:
-- officers post progress and open their work, DoST lists and reviews, leaders read the overview.
local sessions = {}
local counter = 0

function init(args)
  for line in io.lines(args[1] or "sessions.tsv") do
    local role, cookie, csrf, assignment = line:match("^(%S+)\t(%S+)\t(%S+)\t(%S*)$")
    if role then
      table.insert(sessions, { role = role, cookie = cookie, csrf = csrf, assignment = assignment })
    end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
end

local function get(s, path)
  return wrk.format("GET", path, { ["Cookie"] = "SESSION=" .. s.cookie, ["Accept"] = "text/html" })
end

function request()
  counter = counter + 1
  local s = sessions[math.random(#sessions)]
  local r = math.random(100)
  if s.role == "officer" then
    if r <= 15 and s.assignment ~= "" then
      local body = "_csrf=" .. s.csrf .. "&percent=" .. math.random(1, 99) ..
        "&results=Ti%E1%BA%BFn+%C4%91%E1%BB%99+th%E1%BB%AD+t%E1%BA%A3i&obstacles=&proposals="
      return wrk.format("POST", "/assignments/" .. s.assignment .. "/progress",
        { ["Cookie"] = "SESSION=" .. s.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
    elseif r <= 60 then
      return get(s, "/my")
    else
      return get(s, "/tasks?page=" .. math.random(0, 5))
    end
  elseif s.role == "dost" then
    if r <= 40 then return get(s, "/tasks?page=" .. math.random(0, 50))
    elseif r <= 70 then return get(s, "/claims")
    else return get(s, "/reporting/completeness") end
  else
    if r <= 70 then return get(s, "/overview") else return get(s, "/tasks") end
  end
end

local errors = 0
function response(status, headers, body)
  if status >= 400 then errors = errors + 1 end
end
