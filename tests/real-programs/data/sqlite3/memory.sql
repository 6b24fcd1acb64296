-- In-memory session read from stdin: schema, data, joins, aggregates,
-- recursive CTEs, window functions, JSON, FTS5, math and output modes.
.headers on
.mode list
CREATE TABLE author(id INTEGER PRIMARY KEY, name TEXT NOT NULL, born INTEGER);
CREATE TABLE book(
  id INTEGER PRIMARY KEY,
  author_id INTEGER REFERENCES author(id),
  title TEXT NOT NULL,
  year INTEGER,
  pages INTEGER,
  price REAL
);
INSERT INTO author(name, born) VALUES
  ('Ada Byron', 1815), ('Alan Turing', 1912), ('Grace Hopper', 1906),
  ('Edsger Dijkstra', 1930), ('Barbara Liskov', 1939);
INSERT INTO book(author_id, title, year, pages, price) VALUES
  (1, 'Notes on the Analytical Engine', 1843, 65, 12.5),
  (2, 'On Computable Numbers', 1936, 36, 9.99),
  (2, 'Computing Machinery and Intelligence', 1950, 28, 7.25),
  (3, 'A Manual of Operation for the Automatic Sequence Controlled Calculator', 1946, 561, 45.0),
  (4, 'A Discipline of Programming', 1976, 217, 38.4),
  (4, 'Go To Statement Considered Harmful', 1968, 3, 1.0),
  (4, 'Selected Writings on Computing', 1982, 362, 41.75),
  (5, 'Abstraction and Specification in Program Development', 1986, 469, 52.0),
  (5, 'Program Development in Java', 2000, 464, 49.95);

SELECT a.name, count(*) AS books, sum(b.pages) AS pages, printf('%.2f', avg(b.price)) AS avg_price
  FROM author a JOIN book b ON b.author_id = a.id
  GROUP BY a.id ORDER BY pages DESC;

SELECT title, year, year - (SELECT born FROM author WHERE id = author_id) AS age_then
  FROM book WHERE year BETWEEN 1930 AND 1980 ORDER BY year;

-- window functions
.mode column
SELECT name, title, year,
       row_number() OVER (PARTITION BY author_id ORDER BY year) AS nth,
       sum(pages) OVER (ORDER BY year ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS running_pages,
       rank() OVER (ORDER BY price DESC) AS price_rank
  FROM book JOIN author ON author.id = author_id ORDER BY year;

-- recursive CTEs: Fibonacci numbers, Collatz lengths, an ASCII Mandelbrot set
.mode list
.headers off
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0, 1 UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 90)
SELECT group_concat(a, ' ') FROM (SELECT a FROM fib WHERE n % 10 = 0);
WITH RECURSIVE c(start, x, steps) AS (
  SELECT value, value, 0 FROM generate_series(1, 30)
  UNION ALL
  SELECT start, CASE WHEN x % 2 = 0 THEN x / 2 ELSE 3 * x + 1 END, steps + 1 FROM c WHERE x > 1
)
SELECT start, max(steps) FROM c GROUP BY start ORDER BY max(steps) DESC, start LIMIT 5;
WITH RECURSIVE
  xs(x) AS (SELECT -2.0 UNION ALL SELECT x + 0.05 FROM xs WHERE x < 0.5),
  ys(y) AS (SELECT -1.0 UNION ALL SELECT y + 0.1 FROM ys WHERE y < 1.0),
  m(iter, cx, cy, zx, zy) AS (
    SELECT 0, x, y, 0.0, 0.0 FROM xs, ys
    UNION ALL
    SELECT iter + 1, cx, cy, zx * zx - zy * zy + cx, 2.0 * zx * zy + cy FROM m
     WHERE zx * zx + zy * zy < 4.0 AND iter < 28
  ),
  depth(cx, cy, d) AS (SELECT cx, cy, max(iter) FROM m GROUP BY cx, cy),
  rows(cy, line) AS (
    SELECT cy, group_concat(substr(' .:-=+*#%@', 1 + min(d / 3, 9), 1), '')
      FROM (SELECT * FROM depth ORDER BY cx) GROUP BY cy
  )
SELECT rtrim(line) FROM rows ORDER BY cy;

-- JSON
SELECT json_object('author', name, 'titles', (SELECT json_group_array(title) FROM book WHERE author_id = author.id ORDER BY year))
  FROM author WHERE id IN (2, 5) ORDER BY id;
SELECT key, value FROM json_each('{"a":1,"b":[2,3],"c":{"d":null}}');
SELECT json_extract('{"x":{"y":[10,20,30]}}', '$.x.y[#-1]'), json('[1, 2 ,  3]');

-- full-text search (FTS5)
CREATE VIRTUAL TABLE ft USING fts5(title);
INSERT INTO ft SELECT title FROM book;
SELECT title FROM ft WHERE ft MATCH 'program*' ORDER BY rank, title;
SELECT highlight(ft, 0, '[', ']') FROM ft WHERE ft MATCH 'computing' ORDER BY title;

-- strings, numbers, math functions, dates computed from constants
SELECT upper('wasm'), length('naïve'), hex('Wasm'), replace('a-b-c', '-', '+'), instr('engine', 'gin');
SELECT 7 / 2, 7 / 2.0, 7 % 3, -7 % 3, 1e308 * 10, round(2.5), round(-2.5), cast('12abc' AS INTEGER);
SELECT printf('%08.3f|%-6s|%x|%e', pi(), 'ab', 255, 1234.5), sqrt(2), pow(2, 0.5), ln(exp(1)), floor(-1.5);
SELECT date('2024-02-28', '+1 day'), date('2023-02-28', '+1 day'), strftime('%j %w', '2000-12-31'), julianday('2000-01-01');
SELECT total_changes(), typeof(1), typeof(1.0), typeof('1'), typeof(x'01'), typeof(NULL);

-- transactions and constraints
BEGIN;
DELETE FROM book WHERE year < 1950;
SELECT count(*) FROM book;
ROLLBACK;
SELECT count(*) FROM book;
CREATE TABLE uniq(v TEXT UNIQUE);
INSERT INTO uniq VALUES ('x');
INSERT OR IGNORE INTO uniq VALUES ('x');
INSERT INTO uniq VALUES ('y') ON CONFLICT DO NOTHING;
SELECT group_concat(v) FROM uniq;

.mode box
SELECT name, born FROM author WHERE born < 1920 ORDER BY born;
.mode markdown
SELECT id, name FROM author ORDER BY id DESC LIMIT 2;
.mode json
SELECT id, title, price FROM book WHERE price < 10 ORDER BY id;
.mode csv
.headers on
SELECT 'a,b' AS quoted, 'say "hi"' AS quotes, NULL AS missing;
