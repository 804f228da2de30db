#!/bin/sh
# Runs once, when the MySQL volume is first created. Two users besides root:
#   cchc_owner  owns the schema: the migration step runs as it (DDL on `cchc` only);
#   cchc_app    is what the API and the worker use: rows only, no DDL, no other database.
set -eu
mysql --user=root --password="$MYSQL_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS cchc CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'cchc_owner'@'%' IDENTIFIED BY '${CCHC_OWNER_PASSWORD}';
GRANT ALL PRIVILEGES ON cchc.* TO 'cchc_owner'@'%';
CREATE USER IF NOT EXISTS 'cchc_app'@'%' IDENTIFIED BY '${CCHC_APP_PASSWORD}';
GRANT SELECT, INSERT, UPDATE, DELETE ON cchc.* TO 'cchc_app'@'%';
SQL
