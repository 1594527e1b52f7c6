/** Idioms whose words name another topic ("me di cuenta": I realised, not my account). */
import { describe, expect, it } from "vitest";
import { withIdiomsPlain } from "../../app/chat/intent/idioms";
import { shippedClassifier } from "../../app/chat/intent/engine";

describe("darse cuenta", () => {
  it("is put in plain words, in its forms", () => {
    expect(withIdiomsPlain("me di cuenta de que pedí la talla equivocada")).toBe(
      "noté de que pedí la talla equivocada",
    );
    expect(withIdiomsPlain("Acabo de darme cuenta que el color no es")).toBe("Acabo de noté que el color no es");
    expect(withIdiomsPlain("no puedo entrar a mi cuenta")).toBe("no puedo entrar a mi cuenta");
  });

  it("doesn't make a change told after it an account problem", () => {
    expect(shippedClassifier().classify("me di cuenta de que pedí la talla equivocada").intent).not.toBe(
      "account_help",
    );
    expect(shippedClassifier().classify("no puedo entrar a mi cuenta").intent).toBe("account_help");
  });
});
