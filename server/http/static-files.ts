import { relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Vite names every file under assets/ after its content: a new build means new names. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';
/** index.html (and public/ files) keep their names across builds: always ask again. */
const REVALIDATE = 'no-cache';

/**
 * The built page from `dist/`, brotli or gzip as the browser accepts (compressed at build time
 * by build/precompress-assets.ts, so no request pays for it). A path with no file is a 404,
 * never the page: the page lives at `/` alone and keeps its state in the query string
 * (`?bot=`), so there is no client-side route a fallback could serve, and a missing script
 * answered with HTML would only fail later and less clearly.
 */
export const builtPage = (root: string) =>
  fp(
    async (app) => {
      await app.register(fastifyStatic, {
        root,
        preCompressed: true,
        index: ['index.html'],
        dotfiles: 'ignore',
        redirect: false,
        cacheControl: false,
        setHeaders(reply, path) {
          const isHashed = relative(root, path).startsWith(`assets${sep}`);
          reply.header('Cache-Control', isHashed ? HASHED_ASSET_CACHE : REVALIDATE);
        },
      });
    },
    { name: 'built-page' },
  );
