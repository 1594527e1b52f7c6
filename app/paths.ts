import path from "node:path";

/**
 * Data files the server reads at run time (training corpus, Admin schema, demo snapshot) are found
 * from the project root, not from the module's own location: the built server bundle lives in
 * build/server, far from the sources. Every npm script runs from the root; APP_ROOT overrides it.
 */
export const PROJECT_ROOT = process.env.APP_ROOT ?? process.cwd();

export function projectPath(...segments: string[]): string {
  return path.resolve(PROJECT_ROOT, ...segments);
}
