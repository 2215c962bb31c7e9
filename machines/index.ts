export { CARD_LEFT_NOTICE_SECONDS, kioskMachine, KIOSK_SYSTEM_ID } from "./kiosk.machine";
export { registrationMachine } from "./registration.machine";
export { pinMachine } from "./pin.machine";
export { changeMachine } from "./change.machine";
export { renewalMachine } from "./renewal.machine";
export {
  createKioskImplementations,
  createRegistrationImplementations,
  createPinImplementations,
  createChangeImplementations,
  createRenewalImplementations,
} from "./implementations";
export { stepOf, REGISTRATION_STEPS } from "./registration.steps";
export { conceal } from "./concealed";
export { emptyContact } from "./flow-fragments";
export type {
  KioskDeps,
  FlowDeps,
  PinDeps,
  RegistrationDeps,
  ChangeDeps,
  RenewalDeps,
} from "./implementations";
export type { StepIndex, RegistrationStep } from "./registration.steps";
export type { Concealed } from "./concealed";
export { PIN_TRIES_PER_INSERTION } from "./pin.machine";
export type {
  CardEvent,
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
export { STANDARD_ACCESS } from "./kiosk.types";
export type * from "./change.types";
export type * from "./renewal.types";
export type {
  ContactBlockName,
  PostalAnswer,
  PostalAnswers,
  PostalLookupEvent,
  PostalLookupResult,
} from "./postal-lookup";
export { CHANGE_STEPS, RENEWAL_STEPS, changeStepOf, renewalStepOf } from "./flow.steps";
export type { ChangeStep, RenewalStep } from "./flow.steps";
