-- wrk script for bench/axon.sh: POSTs the pre-signed PullTask requests written by Neuron3D.AxonBench presign.
-- Args: DIR MODE THREADS, MODE = "axon" (one fresh signed request per call) or "bare" (same body and static headers).
-- Each wrk thread takes every THREADS-th pre-signed line, so no two requests share a nonce and uuid.
local thread_count = 0
function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

local records, next_record, headers, body, path, mode = {}, 1, {}, nil, nil, nil

local function read_all(file)
  local f = assert(io.open(file, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

function init(args)
  local dir, threads = args[1], tonumber(args[3])
  mode = args[2]
  body = read_all(dir .. "/body.json")
  for line in io.lines(dir .. "/headers.txt") do
    local name, value = line:match("^([^:]+): (.*)$")
    headers[name] = value
  end
  headers["Content-Type"] = "application/json"
  path = mode == "axon" and "/PullTask" or "/echo"
  if mode == "axon" then
    local index = 0
    for line in io.lines(dir .. "/presigned.txt") do
      if index % threads == id then
        local nonce, uuid, signature = line:match("^(%S+) (%S+) (%S+)$")
        records[#records + 1] = { nonce, uuid, signature }
      end
      index = index + 1
    end
  end
end

function request()
  if mode == "axon" then
    -- Past the end the requests repeat: the axon then answers 401 (replay) and wrk counts them as non-2xx.
    local record = records[next_record] or records[#records]
    next_record = next_record + 1
    headers["bt_header_dendrite_nonce"] = record[1]
    headers["bt_header_dendrite_uuid"] = record[2]
    headers["bt_header_dendrite_signature"] = record[3]
  end
  return wrk.format("POST", path, headers, body)
end
