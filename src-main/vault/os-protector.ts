/**
 * The OS keychain, as the core sees it. The Electron shell implements it with safeStorage; the
 * command line and the tests run without one.
 */
export interface OsKeyProtector {
  /** False where no real OS protection exists (on Linux, safeStorage's basic_text backend). */
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(cipher: Buffer): Buffer;
}
