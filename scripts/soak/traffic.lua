-- wrk script for scripts/soak.sh: every case of cases.tsv (HEAD aside: wrk cannot read
-- a bodiless answer) in every format and language, round robin, at full speed. Each
-- request carries an X-Request-ID naming its case, format and language, so the answer
-- is checked against what was asked: status, and for a problem its Content-Type,
-- Content-Language and the request id in the body. HEAD requests are the checker's.

local formats = {
  "application/problem+json", "application/json", "application/problem+xml",
  "text/plain", "text/html",
}
local languages = {
  {"en", "en"}, {"fr-CA, en;q=0.5", "fr"}, {"de-AT", "de"}, {"es", "es"}, {"ar;q=0.9", "ar"},
}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function split(text, separator)
  local parts = {}
  for part in string.gmatch(text .. separator, "(.-)" .. separator) do
    table.insert(parts, part)
  end
  return parts
end

function init(args)
  cases, requests = {}, {}
  wrong, unintended, answered, shown = 0, 0, 0, 0
  for line in io.lines(args[1]) do
    if line:sub(1, 1) ~= "#" and line ~= "" then
      local f = split(line, "\t")
      local case = { name = f[1], method = f[2], path = f[3], statuses = {}, headers = {}, body = f[6] }
      for s in string.gmatch(f[4], "%d+") do case.statuses[tonumber(s)] = true end
      if f[5] ~= "" then
        for _, h in ipairs(split(f[5], "|")) do
          local name, value = h:match("^([^:]+):%s*(.*)$")
          case.headers[name] = value
        end
      end
      if case.method ~= "HEAD" then
        table.insert(cases, case)
        case.index = #cases
        for fi, format in ipairs(formats) do
          for li, language in ipairs(languages) do
            local headers = { ["Accept"] = format, ["Accept-Language"] = language[1],
                              ["X-Request-ID"] = string.format("soak.%d.%d.%d", case.index, fi, li) }
            for name, value in pairs(case.headers) do headers[name] = value end
            if case.body ~= "" then headers["Content-Length"] = tostring(#case.body) end
            table.insert(requests, wrk.format(case.method, case.path, headers,
                                              case.body ~= "" and case.body or nil))
          end
        end
      end
    end
  end
  next_request = 0
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

local function complain(what)
  wrong = wrong + 1
  if shown < 5 then
    shown = shown + 1
    io.stderr:write("wrong answer: " .. what .. "\n")
  end
end

function response(status, headers, body)
  answered = answered + 1
  local id = headers["x-request-id"] or ""
  local ci, fi, li = id:match("^soak%.(%d+)%.(%d+)%.(%d+)$")
  local case, format, language
  if ci then
    case, format, language = cases[tonumber(ci)], formats[tonumber(fi)], languages[tonumber(li)][2]
  else
    -- Only the case with an unusable X-Request-ID gets a fresh one: 32 hex digits.
    for _, c in ipairs(cases) do
      if c.headers["X-Request-ID"] then case = c end
    end
    if not id:match("^" .. string.rep("%x", 32) .. "$") then
      return complain(string.format("request id %q is neither ours nor fresh", id))
    end
  end
  if not case.statuses[status] then
    if status >= 500 then unintended = unintended + 1 end
    return complain(string.format("%s answered %d", case.name, status))
  end
  if status >= 400 and format and not case.headers["Accept"] and not case.headers["Accept-Language"] then
    local content_type = headers["content-type"] or ""
    if content_type:sub(1, #format) ~= format then
      return complain(string.format("%s as %s came as %s", case.name, format, content_type))
    end
    if headers["content-language"] ~= language then
      return complain(string.format("%s in %s came in %s", case.name, language,
                                    tostring(headers["content-language"])))
    end
    if not body:find(id, 1, true) then
      return complain(string.format("%s: the body lacks its request id %s", case.name, id))
    end
  end
end

function done(summary, latency, requests)
  local wrong_total, unintended_total, answered_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    wrong_total = wrong_total + thread:get("wrong")
    unintended_total = unintended_total + thread:get("unintended")
    answered_total = answered_total + thread:get("answered")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("wrk: %d requests, %d answered, %.0f req/s, %d wrong, %d unintended 5xx, %d socket errors\n",
    summary.requests, answered_total, summary.requests / (summary.duration / 1e6),
    wrong_total, unintended_total, errors))
end
