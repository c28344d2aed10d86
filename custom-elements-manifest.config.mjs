// The manifest is built from the elements' JSDoc (@fires, @csspart, @cssproperty, @slot).
// The analyzer also guesses events from `dispatchEvent(new X(…))` calls and names them after
// the variable; the JSDoc already documents every event, so the guesses are dropped.
const keepDocumentedEvents = () => ({
  name: 'keep-documented-events',
  packageLinkPhase({customElementsManifest}) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        if (declaration.events) declaration.events = declaration.events.filter((event) => event.description && event.name);
      }
    }
  },
});

export default {
  globs: ['src/event-*.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [keepDocumentedEvents()],
};
