// Dexie needs IndexedDB; unit tests run on fake-indexeddb.
import 'fake-indexeddb/auto';
