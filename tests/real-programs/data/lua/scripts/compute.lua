-- CPU-bound work with deterministic results: integer and float arithmetic,
-- bit operations, recursion, tables as arrays and hashes, string building.

local function queens(n)
  local count, cols, d1, d2 = 0, {}, {}, {}
  local function place(row)
    if row > n then count = count + 1; return end
    for c = 1, n do
      if not cols[c] and not d1[row + c] and not d2[row - c + n] then
        cols[c], d1[row + c], d2[row - c + n] = true, true, true
        place(row + 1)
        cols[c], d1[row + c], d2[row - c + n] = nil, nil, nil
      end
    end
  end
  place(1)
  return count
end
for n = 4, 8 do io.write(n, "-queens: ", queens(n), "  ") end
print()

local function sieve(limit)
  local composite, primes = {}, {}
  for i = 2, limit do
    if not composite[i] then
      primes[#primes + 1] = i
      for j = i * i, limit, i do composite[j] = true end
    end
  end
  return primes
end
local primes = sieve(50000)
print("primes below 50000:", #primes, "last", primes[#primes])

-- A linear congruential generator, so the data is the same everywhere.
local seed = 12345
local function lcg() seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed end
local data = {}
for i = 1, 20000 do data[i] = lcg() % 100000 end
table.sort(data)
local checksum = 0
for i = 1, #data, 97 do checksum = (checksum * 31 + data[i]) & 0xffffffff end
print("sorted 20000: min", data[1], "max", data[#data], "checksum", checksum)

-- FNV-1a over a generated text, 32-bit.
local parts = {}
for i = 1, 3000 do parts[i] = string.format("%d:%x;", i, i * i) end
local text = table.concat(parts)
local h = 0x811c9dc5
for i = 1, #text do h = ((h ~ text:byte(i)) * 0x01000193) & 0xffffffff end
print("text length", #text, ("fnv1a %08x"):format(h))

-- Word frequencies in the generated text's digits.
local freq = {}
for d in text:gmatch("%d") do freq[d] = (freq[d] or 0) + 1 end
local keys = {}
for k in pairs(freq) do keys[#keys + 1] = k end
table.sort(keys)
local out = {}
for _, k in ipairs(keys) do out[#out + 1] = k .. "=" .. freq[k] end
print(table.concat(out, " "))

-- Floating point: a Leibniz series, Newton's square roots, a small matrix power.
local pi = 0
for k = 0, 99999 do pi = pi + (k % 2 == 0 and 4 or -4) / (2 * k + 1) end
print(("leibniz %.12f"):format(pi))
local function newton_sqrt(x) local g = x; for _ = 1, 30 do g = (g + x / g) / 2 end return g end
print(("sqrt2 %.15f sqrt10 %.15f"):format(newton_sqrt(2), newton_sqrt(10)))
local function matmul(a, b)
  local c = {}
  for i = 1, 3 do c[i] = {} for j = 1, 3 do
    local s = 0 for k = 1, 3 do s = s + a[i][k] * b[k][j] end c[i][j] = s
  end end
  return c
end
local m = { { 1, 1, 0 }, { 1, 0, 1 }, { 0, 1, 1 } }
local p = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }
for _ = 1, 20 do p = matmul(p, m) end
print("matrix^20 row 1:", p[1][1], p[1][2], p[1][3])

-- Deep recursion and memoization.
local memo = {}
local function ways(n) -- ways to climb n stairs with steps of 1, 2 or 3
  if n < 0 then return 0 elseif n == 0 then return 1 end
  if memo[n] then return memo[n] end
  local w = ways(n - 1) + ways(n - 2) + ways(n - 3)
  memo[n] = w
  return w
end
print("ways(60)", ways(60))
local function depth(n) if n == 0 then return 0 end return 1 + depth(n - 1) end
print("recursion depth", depth(10000))
