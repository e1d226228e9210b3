import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { hydra, rdf, xsd } from '../namespaces.js';

/** The paging links of one page. */
export interface HydraView {
  /** The IRI of this page (the URL it was fetched from). */
  self: string;
  /** The URL of page `n`. */
  pageUrl(n: number): string;
  page: number;
  lastPage: number;
  totalItems: number;
}

/**
 * Hydra paging: the catalogue is a `hydra:Collection` with `hydra:totalItems` and a `hydra:view`, a
 * `hydra:PartialCollectionView` with `hydra:first`, `hydra:last` and, where they exist, `hydra:previous` and
 * `hydra:next`.
 */
export function hydraViewQuads(collection: string, view: HydraView): Quad[] {
  const c = DataFactory.namedNode(collection);
  const v = DataFactory.namedNode(view.self);
  const p = (iri: string) => DataFactory.namedNode(iri);
  const out: Quad[] = [
    DataFactory.quad(c, p(rdf('type')), p(hydra('Collection'))),
    DataFactory.quad(
      c,
      p(hydra('totalItems')),
      DataFactory.literal(String(view.totalItems), p(xsd('integer'))),
    ),
    DataFactory.quad(c, p(hydra('view')), v),
    DataFactory.quad(v, p(rdf('type')), p(hydra('PartialCollectionView'))),
    DataFactory.quad(v, p(hydra('first')), p(view.pageUrl(1))),
    DataFactory.quad(v, p(hydra('last')), p(view.pageUrl(view.lastPage))),
  ];
  if (view.page > 1)
    out.push(
      DataFactory.quad(v, p(hydra('previous')), p(view.pageUrl(Math.min(view.page - 1, view.lastPage)))),
    );
  if (view.page < view.lastPage)
    out.push(DataFactory.quad(v, p(hydra('next')), p(view.pageUrl(view.page + 1))));
  return out;
}
