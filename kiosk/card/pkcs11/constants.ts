// The PKCS#11 numbers the driver uses, from the OASIS PKCS#11 v2.40 base specification (pkcs11t.h).
// Written out here rather than read from pkcs11js so that everything except native.ts (and the
// tests' fake) can run without the native addon.

// Return values (CKR_*)
export const CKR_OK = 0x00;
export const CKR_SLOT_ID_INVALID = 0x03;
export const CKR_GENERAL_ERROR = 0x05;
export const CKR_DEVICE_ERROR = 0x30;
export const CKR_DEVICE_MEMORY = 0x31;
export const CKR_DEVICE_REMOVED = 0x32;
export const CKR_FUNCTION_CANCELED = 0x50;
export const CKR_FUNCTION_NOT_SUPPORTED = 0x54;
export const CKR_KEY_TYPE_INCONSISTENT = 0x63;
export const CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68;
export const CKR_MECHANISM_INVALID = 0x70;
export const CKR_PIN_INCORRECT = 0xa0;
export const CKR_PIN_INVALID = 0xa1;
export const CKR_PIN_LEN_RANGE = 0xa2;
export const CKR_PIN_EXPIRED = 0xa3;
export const CKR_PIN_LOCKED = 0xa4;
export const CKR_SESSION_CLOSED = 0xb0;
export const CKR_SESSION_HANDLE_INVALID = 0xb3;
export const CKR_TOKEN_NOT_PRESENT = 0xe0;
export const CKR_TOKEN_NOT_RECOGNIZED = 0xe1;
export const CKR_USER_PIN_NOT_INITIALIZED = 0x102;
export const CKR_CRYPTOKI_NOT_INITIALIZED = 0x190;

// Token flags (CK_TOKEN_INFO.flags)
export const CKF_LOGIN_REQUIRED = 0x04;
export const CKF_USER_PIN_INITIALIZED = 0x08;
export const CKF_TOKEN_INITIALIZED = 0x400;
export const CKF_USER_PIN_COUNT_LOW = 0x10000;
export const CKF_USER_PIN_FINAL_TRY = 0x20000;
export const CKF_USER_PIN_LOCKED = 0x40000;

// Session flags (C_OpenSession)
export const CKF_RW_SESSION = 0x02;
export const CKF_SERIAL_SESSION = 0x04;

// User types (C_Login)
export const CKU_USER = 1;

// Attributes (CKA_*)
export const CKA_CLASS = 0x00;
export const CKA_PRIVATE = 0x02;
export const CKA_VALUE = 0x11;
export const CKA_CERTIFICATE_TYPE = 0x80;
export const CKA_KEY_TYPE = 0x100;
export const CKA_ID = 0x102;
export const CKA_SIGN = 0x108;

// Object classes, certificate and key types
export const CKO_CERTIFICATE = 0x01;
export const CKO_PRIVATE_KEY = 0x03;
export const CKC_X_509 = 0x00;
export const CKK_RSA = 0x00;
export const CKK_EC = 0x03;

// Mechanisms (CKM_*)
export const CKM_ECDSA = 0x1041;
export const CKM_SHA256_RSA_PKCS = 0x40;

// Slot flags (CK_SLOT_INFO.flags)
export const CKF_TOKEN_PRESENT = 0x01;

// C_WaitForSlotEvent
export const CKF_DONT_BLOCK = 0x01;
export const CKR_NO_EVENT = 0x08;
