/** Every triple of the public default graph (the union of all descriptions): `GET /graphs?default`. */
export const unionGraphQuery = 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }';
