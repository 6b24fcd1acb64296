-- Read as the program itself from stdin (lua -); LIMIT comes from -e.
print("args:", ...)
print("arg[-1], arg[0]:", arg[-1], arg[0])
print("LIMIT from -e:", LIMIT)
local squares = {}
for i = 1, LIMIT do squares[#squares + 1] = i * i end
print(table.concat(squares, " "))
io.stdout:write("buffered ", "write\n")
io.stderr:write("a line on stderr\n")
local function fail(depth)
  if depth == 0 then error("deliberate failure at the bottom") end
  fail(depth - 1)
end
fail(3)
print("not reached")
