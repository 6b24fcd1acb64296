-- A file-backed database in a preopened directory: the shell opened
-- /data/inventory.db from its arguments. Exercises file creation, rollback
-- journals, reopening, ATTACH, VACUUM INTO, CSV import, fileio functions
-- and -bail's exit status on the deliberate error at the end.
CREATE TABLE stock(id INTEGER PRIMARY KEY, item TEXT, bin TEXT, qty INTEGER);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
INSERT INTO stock(item, bin, qty)
  SELECT 'part-' || (i % 37), printf('B%03d', i % 113), (i * 7919) % 503 FROM n;
CREATE INDEX stock_item ON stock(item);
SELECT count(*), sum(qty), count(DISTINCT bin) FROM stock;
BEGIN;
UPDATE stock SET qty = 0 WHERE item = 'part-3';
SELECT sum(qty) FROM stock;
ROLLBACK;
SELECT sum(qty) FROM stock;
BEGIN;
DELETE FROM stock WHERE qty < 10;
COMMIT;
SELECT count(*) FROM stock;
.import --csv /data/prices.csv prices
SELECT item, price FROM prices ORDER BY price DESC;
-- close and reopen: the data must have reached the file
.open /data/inventory.db
SELECT count(*), max(qty) FROM stock;
SELECT item, sum(qty) FROM stock GROUP BY item ORDER BY sum(qty) DESC LIMIT 3;
PRAGMA integrity_check;
.tables
ATTACH '/data/archive.db' AS archive;
CREATE TABLE archive.old_stock AS SELECT * FROM stock WHERE id % 10 = 0;
SELECT count(*) FROM archive.old_stock;
DETACH archive;
VACUUM INTO '/data/copy.db';
-- fileio functions of the shell: readfile, writefile and the fsdir listing
SELECT readfile('/data/notes.txt');
SELECT writefile('/data/report.txt', (SELECT group_concat(item || '=' || price, char(10)) FROM prices));
SELECT readfile('/data/report.txt');
SELECT name, length(data) FROM fsdir('/data') WHERE (mode & 61440) = 32768 AND name NOT LIKE '%.lock' ORDER BY name;
.open /data/copy.db
SELECT count(*) FROM stock;
.output /data/out.txt
SELECT 'written by .output';
.output
SELECT readfile('/data/out.txt');
SELECT 'next statement fails';
SELECT * FROM no_such_table;
SELECT 'never printed';
