/** Naming rules that turn SHACL and SKOS labels into GraphQL names. */

function words(label: string): string[] {
  return label
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '');
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `"MFA required"` -> `mfaRequired`, `"endpoint URL"` -> `endpointUrl`; a leading digit gets an `_`. */
export function camelCase(label: string): string {
  const [first = '', ...rest] = label.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const name = first.toLowerCase() + rest.map(capitalise).join('');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `"output-control"` -> `OutputControl`. */
export function pascalCase(label: string): string {
  const name = words(label).map(capitalise).join('');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** `"SemiAutomated"` -> `SEMI_AUTOMATED`, `"1.5"` -> `_1_5`. */
export function enumValueName(notation: string): string {
  const name = words(notation)
    .map((word) => word.toUpperCase())
    .join('_');
  return /^[0-9]/.test(name) || name === '' ? `_${name}` : name;
}

/** The last segment of an IRI (after `#` or the last `/`). */
export function localName(iri: string): string {
  const trimmed = iri.replace(/[/#]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('#'), trimmed.lastIndexOf('/')) + 1);
}

/** True when `name` is a valid GraphQL name. */
export function isGraphqlName(name: string): boolean {
  return /^[_A-Za-z][_0-9A-Za-z]*$/.test(name);
}
