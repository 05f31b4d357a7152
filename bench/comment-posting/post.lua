-- wrk script: every request posts a new guest comment (a third of them replies to comment 1) to one story.
-- wrk reports any answer other than 2xx on a "Non-2xx or 3xx responses" line.
-- Bodies are unique across threads and runs (thread id and a random run tag), or the duplicate check would hold them.
local counter = 0
local threads = 0
local run = tostring(os.time())
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
request = function()
  counter = counter + 1
  local parent = ""
  if counter % 3 == 0 then parent = ', "parentId": 1' end
  local body = string.format('{"body": "Load comment %s-%s-%d: the levy will pass, *surely*.", "authorName": "Bench %d"%s}',
    run, tostring(id), counter, counter % 97, parent)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
