# syntax=docker/dockerfile:1
# newsdigest: multi-stage, small, non-root. The steps are the ones .ci/run proves: npm ci, then
# npm run build (type-check), npm run lint (layer rules, linter) and npm test in the test stage.

# ---- build: all dependencies (better-sqlite3 compiles here if no prebuilt binary fits) ----
FROM node:20-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .

# ---- test: `docker build --target test .` runs the same checks as CI ----
# (the PostgreSQL tests need a database on 127.0.0.1:5432, e.g. `docker run --network host`)
FROM build AS test
RUN npm run build && npm run lint && npm test

# ---- production dependencies only ----
FROM build AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime ----
FROM node:20-slim AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY bin ./bin
COPY src ./src
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
ENTRYPOINT ["node", "bin/newsdigest.js"]
CMD ["run", "--config", "config/default.yaml"]
