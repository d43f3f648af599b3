-- bpsim sample workload for sqlite3: builds a table of 20,000 rows from a recursive query, indexes
-- it, then runs joins, groupings and lookups (written for this project).
CREATE TABLE item(id INTEGER PRIMARY KEY, category INTEGER, price INTEGER, name TEXT);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
INSERT INTO item SELECT i, (i * 7919) % 97, (i * 104729) % 10007, printf('item-%05d', (i * 31) % 20000) FROM n;
CREATE INDEX item_category ON item(category, price);
CREATE TABLE category(id INTEGER PRIMARY KEY, label TEXT);
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 96)
INSERT INTO category SELECT i, printf('category-%02d', i) FROM n;
SELECT c.label, count(*), avg(i.price), max(i.price) FROM item i JOIN category c ON c.id = i.category
  GROUP BY c.label ORDER BY avg(i.price) DESC LIMIT 10;
SELECT count(*) FROM item WHERE category BETWEEN 10 AND 20 AND price < 5000;
SELECT name FROM item WHERE name LIKE 'item-1%3' ORDER BY price LIMIT 5;
SELECT category, sum(price) FROM item GROUP BY category HAVING sum(price) > 1000000 ORDER BY 2;
UPDATE item SET price = price + 1 WHERE category % 3 = 0;
SELECT count(DISTINCT price) FROM item;
