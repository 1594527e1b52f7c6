-- The assistant goes by the shop's name unless the merchant names it: the old default "Support"
-- (which the storefront block no longer uses) becomes "" (the shop's name).
--
-- The column's default changes in prisma/schema.prisma (and in PostgreSQL's twin) but is left as is
-- in SQLite on purpose: SQLite can only change a default by rebuilding the table, and a rebuild
-- written now would drop any ShopSettings column another migration adds before this one. Every
-- insert the app makes names botName (DEFAULT_SETTINGS), so the old default is never used.
UPDATE "ShopSettings" SET "botName" = '' WHERE "botName" = 'Support';
