// The one module ncc bundles: both steps, each behind a dynamic import, so they share the library
// chunks on disk while neither loads the other's code. dist/index.js runs `main`, dist/post.js
// runs `post` (both written by scripts/build.ts): the post step never loads the deploy code.
export const main = () => import("./index.ts");
export const post = () => import("./post/index.ts");
