-- A tour of the interpreter: reads a data file from its preopened directory,
-- lines from stdin, writes a file to another directory, and exits with the
-- code that the last line computes. Every line it prints is deterministic.

local function section(name) print(("== %s "):format(name) .. ("="):rep(40 - #name)) end

section("arguments and environment")
print("script", arg[0], "args", #arg, table.concat(arg, ","))
print("GREETING", os.getenv("GREETING"), "UNSET", os.getenv("UNSET_VARIABLE"))

section("file input")
local items, total = {}, 0
for line in io.lines("/scripts/inventory.txt") do
  if not line:match("^#") then
    local name, qty, price = line:match("^(%a+)%s+(%d+)%s+([%d.]+)$")
    qty, price = math.tointeger(tonumber(qty)), tonumber(price)
    items[#items + 1] = { name = name, qty = qty, price = price, value = qty * price }
    total = total + qty * price
  end
end
table.sort(items, function(a, b) return a.value > b.value or (a.value == b.value and a.name < b.name) end)
for i, it in ipairs(items) do
  print(("%d. %-8s %3d x %7.2f = %8.2f"):format(i, it.name, it.qty, it.price, it.value))
end
print(("total %.2f over %d items"):format(total, #items))

section("strings")
local s = "The quick brown fox jumps over the lazy dog"
print(s:upper(), #s, s:find("fox"), s:sub(-8))
print((s:gsub("%w+", function(w) return w:reverse() end)))
local counts = {}
for c in s:lower():gmatch("%a") do counts[c] = (counts[c] or 0) + 1 end
local letters = {}
for c, n in pairs(counts) do if n > 2 then letters[#letters + 1] = c .. n end end
table.sort(letters)
print(table.concat(letters, " "))
print(("%5s|%-5s|%05d|%x|%g|%q"):format("ab", "cd", 42, 48879, 1e20, "tab\tquote\"nl\n"))
print(string.rep("ab", 3, "-"), ("x"):byte(), string.char(72, 105), ("%s"):format(nil))
print(utf8.char(72, 228, 8364, 128512), utf8.len("häll€"), #"häll€")
for p, c in utf8.codes("a€") do io.write(p, ":", c, " ") end print()
local packed = string.pack("<i4 d s1", -2, 0.5, "hi")
print(#packed, string.unpack("<i4 d s1", packed))

section("numbers")
print(7 // 2, -7 // 2, 7 % -3, 7.5 // 2, 2^10, 10 / 4, 3 | 5, 6 & 3, 1 << 62, ~0)
print(math.maxinteger + 1 == math.mininteger, math.type(1), math.type(1.0), math.type("1"))
print(string.format("%.17g", 0.1 + 0.2), 1e300 * 1e10, -1e300 * 1e10, tostring(0/0) == tostring(0/0))
print(math.floor(-3.5), math.ceil(-3.5), math.fmod(-7, 3), math.abs(math.mininteger), math.ult(1, -1))
print(tonumber("0x1p4"), tonumber("  12  "), tonumber("z", 36), tonumber("1e1"), 10 == 10.0, 2^53 + 1)
math.randomseed(42)
local r1 = { math.random(1, 100), math.random(1, 100), math.random(1, 100) }
math.randomseed(42)
local r2 = { math.random(1, 100), math.random(1, 100), math.random(1, 100) }
print("random repeats with the same seed:", table.concat(r1, ",") == table.concat(r2, ","))

section("tables and metatables")
local Vec = {}
Vec.__index = Vec
function Vec.new(x, y) return setmetatable({ x = x, y = y }, Vec) end
function Vec.__add(a, b) return Vec.new(a.x + b.x, a.y + b.y) end
function Vec.__eq(a, b) return a.x == b.x and a.y == b.y end
function Vec.__tostring(v) return ("(%g, %g)"):format(v.x, v.y) end
function Vec:len() return math.sqrt(self.x ^ 2 + self.y ^ 2) end
local v = Vec.new(3, 4) + Vec.new(0, 0)
print(tostring(v), v:len(), v == Vec.new(3, 4), rawequal(v, Vec.new(3, 4)))
local t = { 10, 20, 30, nil, 50 }
print(#{ 1, 2, 3 }, select("#", table.unpack({ 1, 2, 3 })), table.concat({ 1, 2, 3 }, "+"))
local list = {}
for i = 1, 10 do list[i] = i * i end
table.remove(list, 1); table.insert(list, 1, 0); table.move(list, 1, 3, 8)
print(table.concat(list, " "))
local weak = setmetatable({}, { __mode = "k" })
weak[{}] = true
collectgarbage(); collectgarbage()
print("weak table entries after collect:", next(weak) == nil)
local proxy = setmetatable({}, { __index = function(_, k) return k .. "!" end, __len = function() return 99 end })
print(proxy.hello, #proxy)

section("closures and coroutines")
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
c1(); c1()
print(c1(), c2())
local function gen(n)
  return coroutine.wrap(function()
    local a, b = 0, 1
    for _ = 1, n do coroutine.yield(a); a, b = b, a + b end
  end)
end
local fibs = {}
for f in gen(15) do fibs[#fibs + 1] = f end
print(table.concat(fibs, " "))
local co = coroutine.create(function(x) local y = coroutine.yield(x + 1); error("inside " .. y) end)
print(coroutine.resume(co, 1))
print(coroutine.resume(co, "coroutine"))
print(coroutine.status(co))

section("errors")
print(pcall(function() return nil + 1 end))
print(select(2, xpcall(function() error({ code = 7 }) end, function(e) return "handled " .. e.code end)))
print(pcall(error))
local ok, msg = pcall(string.format, "%d", "x")
print(ok, msg)
print(select(2, pcall(function() local t <close> = setmetatable({}, { __close = function() print("closed") end }); error("after close", 0) end)))
-- Errors raised under C frames (metamethods, finalizers, coroutines inside
-- pcall inside coroutines): each one unwinds to the right handler.
local mt = { __index = function(_, k) error("no field " .. k) end, __gc = function() error("in gc") end }
print(pcall(function() return setmetatable({}, mt).zzz end))
for _ = 1, 50 do setmetatable({}, mt) end
collectgarbage()
print("errors in finalizers are only warnings")
local outer = coroutine.wrap(function()
  local inner = coroutine.create(function()
    local ok, e = pcall(function() coroutine.yield("from inner pcall"); error("after resume") end)
    coroutine.yield(tostring(ok) .. " " .. e)
    error("inner dies")
  end)
  for _ = 1, 3 do coroutine.yield(select(2, coroutine.resume(inner))) end
  return "outer done"
end)
for _ = 1, 4 do print(outer()) end
local lt = setmetatable({}, { __lt = function() error("lt!") end })
print(pcall(function() return lt < lt end))
print(load("x = = 1"))
local failed = 0
for i = 1, 2000 do
  if not coroutine.resume(coroutine.create(function() error("e" .. i) end)) then failed = failed + 1 end
end
print("coroutines that failed", failed)
print(pcall(coroutine.wrap(function() error("wrapped") end)))
goto skip
print("not printed")
::skip::

section("stdin")
local header = io.read("l")
local nums = {}
for line in io.lines() do
  for n in line:gmatch("%-?%d+") do nums[#nums + 1] = math.tointeger(n) end
end
local sum = 0
for _, n in ipairs(nums) do sum = sum + n end
print(header, #nums, sum)

section("file output")
local out = assert(io.open("/out/squares.txt", "w"))
for i = 1, 5 do out:write(i, " ", i * i, "\n") end
out:close()
local back = assert(io.open("/out/squares.txt", "r"))
print(back:read("a"))
print(back:seek("set", 2), back:read("n"), back:seek("end"))
back:close()
print(os.remove("/out/squares.txt"), io.open("/out/squares.txt"))
print(os.rename("/out/keep.txt", "/out/kept.txt"), io.open("/out/kept.txt"):read("l"))

section("time")
print(os.time({ year = 2000, month = 1, day = 1, hour = 12 }), os.date("!%Y-%m-%d %H:%M:%S", 946728000))
print(type(os.time()), type(os.clock()), os.difftime(10, 4))

os.exit(sum % 256)
