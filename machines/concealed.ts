// A secret (PIN, search password) has to reach the invoked actor through its input, and an
// invoked promise actor keeps its input in its snapshot. Wrapping the value keeps it out of
// JSON.stringify, persisted snapshots, inspectors and string interpolation (R30, R11).
export type Concealed = {
  readonly reveal: () => string;
  readonly toJSON: () => string;
  readonly toString: () => string;
};

const MASK = "[concealed]";

export function conceal(value: string): Concealed {
  return { reveal: () => value, toJSON: () => MASK, toString: () => MASK };
}
