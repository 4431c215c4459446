# syntax=docker/dockerfile:1
#
# agreements-subgraph: a two-stage image. The build stage compiles TypeScript with every devDependency;
# the runtime stage holds only its production dependencies (from the lockfile, patched) and dist/.
#
#   docker build -t agreements-subgraph:0.1.0 .
#   docker run --rm -p 4001:4001 agreements-subgraph:0.1.0      # sandbox mode, no credentials needed
#
# Pin the base image by digest in CI (node:20.19-bookworm-slim@sha256:...) so rebuilds are reproducible;
# the tag alone pins Node 20.19 on Debian bookworm.

############################## build ##############################
FROM node:20.19-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so this layer is cached until package.json, the lockfile or a patch change.
# npm ci's postinstall applies patches/ (patch-package; docs/performance.md says why graphql-jit is patched).
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY resolvers ./resolvers
COPY datasources ./datasources
COPY bench ./bench
RUN npm run build
# What the runtime needs: production dependencies only, as installed above (patches applied).
RUN npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

############################## runtime ##############################
FROM node:20.19-bookworm-slim AS runtime
WORKDIR /app

# Production mode: introspection, Sandbox and field suggestions off (unless GRAPHQL_INTROSPECTION=true).
ENV NODE_ENV=production \
    PORT=4001 \
    HOST=0.0.0.0

# Production dependencies only, as the lockfile says and patched, from the build stage: installing them
# again here would need patch-package, a devDependency.
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules

# The compiled server. Files stay owned by root: the process (user node) can read but not change them,
# which also suits a read-only root filesystem.
COPY --from=build /app/dist ./dist

USER node
EXPOSE 4001

# Liveness for docker / compose (Kubernetes uses its own probes on /health and /ready). Slim images have
# no curl, so Node's own fetch asks GET /health.
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# SIGTERM starts the graceful shutdown: /ready answers 503 for SHUTDOWN_DELAY_MS, then the listener
# stops and in-flight requests drain. Node runs as PID 1 and installs its own SIGTERM handler.
# The command is `npm start`'s (a test keeps them equal); docs/performance.md ("Memory") says why the young
# generation is 16 MB, the old one grows by half its live set between full collections, and V8 does
# not pretenure (allocate straight into the old generation) what its allocation sites guess is long-lived.
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=50", "--no-allocation-site-pretenuring", "dist/src/main.js"]
