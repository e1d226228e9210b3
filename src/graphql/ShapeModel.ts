/** What the GraphQL schema is generated from: the object types and fields the SHACL shapes describe. */

/** The scalar a literal-valued field has. `LangString` is a `String` with an optional `lang` argument. */
export type ScalarKind = 'String' | 'LangString' | 'Boolean' | 'Int' | 'Float' | 'Date' | 'DateTime' | 'IRI';

/** How a field's values are typed. */
export type FieldValue =
  | { kind: 'scalar'; scalar: ScalarKind }
  /** Another object type of the model, by type name. */
  | { kind: 'object'; type: string }
  /** SKOS concepts (or other IRIs from a fixed list); `schemes` are the concept schemes allowed. */
  | { kind: 'concept'; schemes: string[]; values: string[] };

/** One field of an object type, from one property shape. */
export interface FieldModel {
  /** The GraphQL field name (camelCase of `sh:name`). */
  name: string;
  /** `sh:description`, English preferred. */
  description?: string;
  /** The predicate IRI of `sh:path`. */
  predicate: string;
  /** True when the path is `[ sh:inversePath p ]`. */
  inverse: boolean;
  value: FieldValue;
  /** More than one value possible (no `sh:maxCount 1`, and not a unique-language string). */
  list: boolean;
  /** Always present in stored data (`sh:minCount` >= 1 in an enforced layer, severity Violation). */
  required: boolean;
  /** The IRI of the property shape ('' for relations the GraphQL layer adds). */
  shape: string;
  /** Only values typed with the target type's classes count (relations over untyped IRI fields). */
  typed?: boolean;
}

/** One object type: the node shapes that share a target class. */
export interface TypeModel {
  /** The GraphQL type name (local name of the first node shape). */
  name: string;
  /** `rdfs:comment` or `rdfs:label` of the node shape. */
  description?: string;
  /** The node shape IRIs merged into this type. */
  shapes: string[];
  /** `sh:targetClass` values. */
  targetClasses: string[];
  fields: FieldModel[];
}

/** The whole model, types in shape order. */
export interface ShapeModel {
  types: TypeModel[];
}
