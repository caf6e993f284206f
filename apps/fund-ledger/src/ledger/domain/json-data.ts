/** A contract's interface as a plain JSON type (an interface has no index signature; this has). */
export type JsonData<T> = T extends readonly (infer Item)[]
  ? readonly JsonData<Item>[]
  : T extends object
    ? { readonly [K in keyof T]: JsonData<T[K]> }
    : T;
