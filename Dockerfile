# syntax=docker/dockerfile:1

# ---- build: compile TypeScript and the better-sqlite3 native addon ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# node-gyp needs Python and a C++ toolchain when no prebuilt addon matches
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
 && npm prune --omit=dev

# ---- runtime: compiled code, production dependencies, migrations, model weights and seeds only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATABASE_PATH=/data/news.db \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node migrations ./migrations
COPY --chown=node:node models ./models
COPY --chown=node:node seed ./seed
# the database lives on a volume, owned by the unprivileged user the image runs as
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# a larger young generation: parsing allocates many short-lived objects, and scavenging them took a fifth
# of a parse with the default; the same setting as `npm start` and `npm run bench:extract`.
# node as PID 1 gets SIGTERM from `docker stop` and closes gracefully
CMD ["node", "--max-semi-space-size=64", "dist/server.js"]
