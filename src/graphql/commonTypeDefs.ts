/** The hand-written part of the GraphQL schema: scalars, concepts, paging, filters, validation and mutations. */
export const commonTypeDefs = /* GraphQL */ `
  "An absolute IRI."
  scalar IRI
  "A calendar date, as xsd:date: 2025-01-31."
  scalar Date
  "A date-time as xsd:dateTime (2025-01-31T12:00:00Z), or a date where the data states only a date."
  scalar DateTime

  "A SKOS concept (or another IRI from a fixed list), labelled from the atlas' vocabularies."
  type Concept {
    "The concept IRI."
    iri: ID!
    "skos:prefLabel in lang (BCP 47), else English, else any; null when the atlas has no label for it."
    prefLabel(lang: String): String
    "skos:definition in lang, else English."
    definition(lang: String): String
    "skos:notation, the code."
    notation: String
    "The IRI of its concept scheme."
    scheme: ID
  }

  "A SKOS concept scheme of the atlas."
  type ConceptScheme {
    iri: ID!
    title(lang: String): String
    "True when descriptions may use only its concepts (tre:closedScheme); such schemes also have a GraphQL enum."
    closed: Boolean!
    concepts: [Concept!]!
  }

  "Relay paging information."
  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  "A count of listed nodes per value."
  type FacetBucket {
    "The value (an IRI)."
    value: ID!
    "Its label in lang: the concept's prefLabel, else the node's name."
    label(lang: String): String
    "How many nodes of the filtered set have this value."
    count: Int!
  }

  "Matches IRI-valued fields (and concepts): eq one IRI, in any of several, all of several."
  input IriFilter {
    eq: ID
    in: [ID!]
    all: [ID!]
  }

  "Inclusive range of dates or date-times (lexical comparison; a date bound covers the whole day)."
  input DateRange {
    from: DateTime
    to: DateTime
  }

  "Matches integers."
  input IntFilter {
    eq: Int
    gte: Int
    lte: Int
  }

  "Matches text: eq exactly, contains case-insensitively."
  input TextFilter {
    eq: String
    contains: String
  }

  enum OrderDirection {
    ASC
    DESC
  }

  "RDF serialisations accepted by validate and upsertDescription."
  enum RdfFormat {
    TURTLE
    TRIG
    NTRIPLES
    NQUADS
    JSONLD
    RDFXML
  }

  enum Severity {
    VIOLATION
    WARNING
    INFO
  }

  "One finding of SHACL validation."
  type ValidationResult {
    severity: Severity!
    "The node the finding is about (IRI, or _:label for a blank node)."
    focusNode: String!
    "The property (IRI, or a SPARQL property path)."
    path: String
    "The offending value (IRI or N-Triples literal)."
    value: String
    "What is wrong, in English."
    message: String!
    "The IRI of the shape that produced the finding."
    shape: String!
    "The SHACL constraint component."
    constraint: String!
  }

  "The outcome of SHACL validation: conforms when no result is a violation."
  type ValidationReport {
    conforms: Boolean!
    results: [ValidationResult!]!
  }

  "What upsertDescription did. When refused (stored: false), report lists the violations and nothing was stored."
  type UpsertDescriptionPayload {
    stored: Boolean!
    "The graph IRI of the description (the TRE's IRI for a TRE description)."
    id: ID
    "The current version number when stored."
    version: Int
    "True when the content equals the stored version: no new version."
    unchanged: Boolean!
    report: ValidationReport!
  }

  "What deleteDescription did."
  type DeleteDescriptionPayload {
    id: ID!
    deleted: Boolean!
  }
`;
