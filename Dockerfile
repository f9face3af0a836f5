# Tejido: one image for every instance; configuration comes from the environment.

# Build stage: fs-ext (the DATA_DIR flock) is a native addon compiled by
# node-gyp, which needs python3, make and g++; the full bookworm image has them,
# the slim runtime image does not.
FROM node:20-bookworm AS deps
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Runtime dependencies only; the server runs its TypeScript through tsx.
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Runtime stage: same Debian release and Node as the build, so the compiled addon loads.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY tsconfig.json ./
COPY src ./src
COPY schemas ./schemas
COPY web ./web
ENV PORT=8080 DATA_DIR=/data
RUN mkdir -p /data && chown node:node /data
VOLUME /data
EXPOSE 8080
USER node
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/cli/index.ts", "serve"]
