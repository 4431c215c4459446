/**
 * The sliding-window log as one Redis script, so check and record are atomic across replicas. Each key
 * is a sorted set of the slots taken (score: the time taken in microseconds, member: a unique id).
 *
 * KEYS[1]  the action's log; KEYS[2] (optional) the caller's log. Both carry the same hash tag, so the
 *          script touches one slot and runs on Redis Cluster.
 * ARGV[1]  limit of KEYS[1]          ARGV[2] window in microseconds   ARGV[3] member for this slot
 * ARGV[4]  limit of KEYS[2] (or "")  ARGV[5] now in microseconds, or "" for the server's clock (TIME),
 *          which every replica shares, so their own clocks may disagree.
 *
 * Returns {1, 0} when the slot was taken in every log, else {0, wait} with wait the microseconds until
 * every log has room (nothing is recorded then, so refused callers do not push the window on).
 */
export const SLIDING_WINDOW_SCRIPT = `
local now
if ARGV[5] ~= '' then
  now = tonumber(ARGV[5])
else
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000000 + tonumber(time[2])
end
local window = tonumber(ARGV[2])
local limits = { tonumber(ARGV[1]), tonumber(ARGV[4]) }
local wait = 0
for index, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  local limit = limits[index]
  if count >= limit then
    local freeing = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local until_free = math.ceil(tonumber(freeing[2]) + window - now)
    if until_free < 1 then until_free = 1 end
    if until_free > wait then wait = until_free end
  end
end
if wait > 0 then return { 0, wait } end
local ttl = math.ceil(window / 1000) + 1000
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[3])
  redis.call('PEXPIRE', key, ttl)
end
return { 1, 0 }
`;

/**
 * Moves a slot that `SLIDING_WINDOW_SCRIPT` granted to the server's time now (or ARGV[2], microseconds),
 * in each of KEYS (the same keys as the grant), if it is still there. ARGV[1]: the slot's member.
 * Used when the grant's answer reached the replica late, so that the log says when the request really
 * left, not when the slot was granted. A slot only ever moves later, so no window holds more than its limit.
 */
export const RESTAMP_SCRIPT = `
local now
if ARGV[2] ~= '' then
  now = tonumber(ARGV[2])
else
  local time = redis.call('TIME')
  now = tonumber(time[1]) * 1000000 + tonumber(time[2])
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, 'XX', now, ARGV[1])
end
return 1
`;
