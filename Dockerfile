# syntax=docker/dockerfile:1
# Storefront support chat: production image. See docs/DEPLOY.md.
#
#   docker build -t support-chat .
#   docker run --rm --env-file .env support-chat npm run db:migrate     # once per release
#   docker run -d -p 3000:3000 --env-file .env -v support-chat-data:/data support-chat

# ---- build: dependencies (with native modules), generated Prisma clients, the Remix build ----
FROM node:20-slim AS build
WORKDIR /app

# better-sqlite3 compiles from source when no prebuilt binary matches the platform.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ ca-certificates \
  && rm -rf /var/lib/apt/lists/*

# `npm ci` runs postinstall: it generates both Prisma clients (SQLite and PostgreSQL) and migrates
# whatever DATABASE_URL points at, here a throwaway SQLite file that stays in this stage.
ENV DATABASE_URL=file:/tmp/build.sqlite
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY app/db-url.ts ./app/db-url.ts
COPY scripts ./scripts
RUN npm ci

COPY . .
RUN npm run build \
  && npm prune --omit=dev \
  && npm cache clean --force

# ---- runtime: node server.mjs as an unprivileged user ----
FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    PORT=3000 \
    LOG_LEVEL=info \
    DATABASE_URL=file:/data/support-chat.sqlite

# SQLite's default home; unused with PostgreSQL. Mount a volume here.
RUN mkdir -p /data && chown node:node /data

# Owned by root, read-only for the app user.
COPY --from=build /app/package.json /app/package-lock.json /app/server.mjs /app/prisma.config.ts ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/prisma ./prisma
# app/: data files read at run time from the project root (intent corpus, Admin API schema) and
# app/db-url.ts for the migration script. The server itself runs from build/.
COPY --from=build /app/app ./app
COPY --from=build /app/scripts/postgres-migrate.ts ./scripts/postgres-migrate.ts

USER node
EXPOSE 3000
STOPSIGNAL SIGTERM
# node:20-slim has no curl; Node's fetch does the check.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# exec form: node is PID 1 and receives SIGTERM itself (server.mjs drains and exits 0).
# --max-semi-space-size: server.mjs NODE_FLAGS (sizes the heap at start-up).
CMD ["node", "--max-semi-space-size=8", "server.mjs"]
