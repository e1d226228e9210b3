import type { Quad, Term } from '@rdfjs/types';

/** A small subject-predicate index over quads (graph ignored), for reading shapes and vocabularies. */
export class QuadIndex {
  private readonly bySubject = new Map<string, Map<string, Term[]>>();

  constructor(quads: Iterable<Quad>) {
    for (const quad of quads) {
      let predicates = this.bySubject.get(quad.subject.value);
      if (predicates === undefined) {
        predicates = new Map();
        this.bySubject.set(quad.subject.value, predicates);
      }
      const objects = predicates.get(quad.predicate.value);
      if (objects === undefined) predicates.set(quad.predicate.value, [quad.object]);
      else if (!objects.some((o) => o.equals(quad.object))) objects.push(quad.object);
    }
  }

  /** Every object of `subject predicate ?o`. */
  objects(subject: string, predicate: string): Term[] {
    return this.bySubject.get(subject)?.get(predicate) ?? [];
  }

  /** The first object of `subject predicate ?o`. */
  one(subject: string, predicate: string): Term | undefined {
    return this.objects(subject, predicate)[0];
  }

  /** Subjects having `predicate object` (object compared by value). */
  subjectsWith(predicate: string, object: string): string[] {
    const found: string[] = [];
    for (const [subject, predicates] of this.bySubject) {
      if (predicates.get(predicate)?.some((o) => o.value === object)) found.push(subject);
    }
    return found;
  }

  /** The items of the RDF list starting at `head`. */
  list(head: Term | undefined, first: string, rest: string, nil: string): Term[] {
    const items: Term[] = [];
    let node = head;
    const seen = new Set<string>();
    while (node !== undefined && node.value !== nil && !seen.has(node.value)) {
      seen.add(node.value);
      const item = this.one(node.value, first);
      if (item !== undefined) items.push(item);
      node = this.one(node.value, rest);
    }
    return items;
  }
}
