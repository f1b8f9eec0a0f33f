/** Serves the built app (dist/) for the browser tests; `npm test` builds it first. */
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html')) throw new Error('dist/ saknas: kör `npm run build` före webbläsartesterna.');
  const server = await preview({ preview: { port: 0, strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  };
}
