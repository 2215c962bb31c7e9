export { kioskMachine } from "./kiosk.machine";
export { registrationMachine } from "./registration.machine";
export { pinMachine } from "./pin.machine";
export {
  createKioskImplementations,
  createRegistrationImplementations,
  createPinImplementations,
} from "./implementations";
export { stepOf, REGISTRATION_STEPS } from "./registration.steps";
export { conceal } from "./concealed";
export type { KioskDeps, PinDeps, RegistrationDeps } from "./implementations";
export type { StepIndex, RegistrationStep } from "./registration.steps";
export type { Concealed } from "./concealed";
export { PIN_TRIES_PER_INSERTION } from "./pin.machine";
export type {
  InspectCardInput,
  PinEvent,
  PinInput,
  PinOutput,
  PinPurpose,
  PinContext,
  ProveCardInput,
} from "./pin.machine";
export type * from "./registration.types";
export type * from "./kiosk.types";
