// What a resolver may know about the request. Identity and roles join here with the
// security work; the database client deliberately does not.
export interface Context {
  requestId: string;
}
