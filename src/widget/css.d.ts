/** The build script bundles CSS files as minified text. */
declare module '*.css' {
  const css: string;
  export default css;
}
