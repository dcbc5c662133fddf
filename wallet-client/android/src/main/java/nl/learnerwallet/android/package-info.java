/**
 * The Android app: screens (plain framework activities, no AndroidX) over the client core, the
 * wallet's store on the platform's SQLite ({@link nl.learnerwallet.android.AndroidSqliteRecordStore})
 * and its unlock secret sealed by the Android Keystore
 * ({@link nl.learnerwallet.android.AndroidKeystoreKeyStorage}). Built into a signed APK by Maven.
 */
package nl.learnerwallet.android;
