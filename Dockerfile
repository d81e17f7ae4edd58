# syntax=docker/dockerfile:1
# newsdigest: multi-stage, small, non-root, on a supported Node LTS. The final stage holds the
# compiled dist/ and production dependencies only: no TypeScript, no tsx, no build tools.
#
# On Node 24 the store uses Node's built-in node:sqlite, so nothing is compiled: the optional
# better-sqlite3 (the SQLite driver for Node 20) is left out of the image.
#
#   docker build -t newsdigest .
#   docker run --init -p 3000:3000 -v newsdigest-data:/app/data newsdigest
#
# `--init` (or `init: true` in compose.yaml) puts tini in front as PID 1 to reap zombies and pass
# signals on. `docker build --target test .` runs the same checks as CI.

ARG NODE_IMAGE=node:24-slim

# ---- build: all dependencies, then the compiled JavaScript ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts wait for the sources (`prepare` builds dist/); esbuild (used by tsx in the test stage)
# fetches nothing, it only links its platform binary.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild esbuild
COPY . .
RUN npm run build

# ---- test: the PostgreSQL tests need a database on 127.0.0.1:5432, e.g. `docker build --network host` ----
FROM build AS test
RUN npm run typecheck && npm run lint && npm test

# ---- production dependencies only ----
FROM build AS prod-deps
# --omit=optional drops better-sqlite3: Node 24 has SQLite built in.
RUN npm prune --omit=dev --omit=optional --no-audit --no-fund

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000 LOG_FORMAT=json
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json LICENSE ./
COPY bin ./bin
COPY config ./config
COPY seeds ./seeds
# SQLite lives in data/ (storage.sqlitePath); keep it on a volume. The image's own `node` user runs it.
RUN mkdir -p /app/data && chown node:node /app/data
VOLUME ["/app/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `docker stop` sends SIGTERM: the service finishes or hands back deliveries in flight, then exits.
STOPSIGNAL SIGTERM
# A small young generation keeps the idle service's memory down (scripts/bench-run-memory.ts).
ENTRYPOINT ["node", "--max-semi-space-size=1", "bin/newsdigest.js"]
CMD ["run", "--config", "config/default.yaml"]
