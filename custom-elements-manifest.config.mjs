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

// Internal state is declared in `static properties` with `state: true`, which the analyzer reads
// as attributes: a private field is never an attribute.
const noAttributesForState = () => ({
  name: 'no-attributes-for-state',
  packageLinkPhase({customElementsManifest}) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        const internal = new Set((declaration.members ?? []).filter((m) => m.privacy === 'private').map((m) => m.name));
        if (!internal.size) continue;
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !internal.has(a.fieldName));
        for (const member of declaration.members) if (internal.has(member.name)) delete member.attribute;
      }
    }
  },
});

export default {
  globs: ['src/event-*.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [keepDocumentedEvents(), noAttributesForState()],
};
