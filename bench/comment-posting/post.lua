-- wrk script: every request posts a new guest comment (a third of them replies to comment 1) to one story.
-- wrk reports any answer other than 2xx on a "Non-2xx or 3xx responses" line.
local counter = 0
request = function()
  counter = counter + 1
  local parent = ""
  if counter % 3 == 0 then parent = ', "parentId": 1' end
  local body = string.format('{"body": "Load comment %d: the levy will pass, *surely*.", "authorName": "Bench %d"%s}',
    counter, counter % 97, parent)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
