import { describe, expect, it } from "vitest";
import { withinSupportHours, zoneNamedIn } from "../../app/chat/shop/support-hours";

// Friday 2026-11-20 12:00 UTC: 13:00 in Paris, 06:00 in Mexico City, 04:00 in Los Angeles.
const friday = new Date("2026-11-20T12:00:00Z");
// Monday 2026-11-23 12:00 UTC.
const monday = new Date("2026-11-23T12:00:00Z");

describe("support hours as any shop writes them", () => {
  it.each([
    ["Du mardi au samedi, de 10 h à 18 h (heure de Paris) ; fermé le dimanche et le lundi", true, false],
    ["Tuesday–Saturday, 10 am–6 pm Paris time", true, false],
    ["mardi-samedi 10:00-18:00", true, false],
  ])("%s (shop in Paris)", (hours, onFriday, onMonday) => {
    expect(withinSupportHours(hours, friday, "Europe/Paris")).toBe(onFriday);
    expect(withinSupportHours(hours, monday, "Europe/Paris")).toBe(onMonday);
  });

  it("reads Spanish hours in the shop's own zone when the text names none", () => {
    const hours = "lunes a viernes de 9:00 a 18:00, sábado de 10:00 a 14:00";
    expect(withinSupportHours(hours, friday, "America/Mexico_City")).toBe(false); // 6 am there
    expect(withinSupportHours(hours, new Date("2026-11-20T17:00:00Z"), "America/Mexico_City")).toBe(true); // 11 am
  });

  it("takes a zone the text names over the shop's", () => {
    expect(zoneNamedIn("9–5 Mexico City time")).toBe("America/Mexico_City");
    expect(zoneNamedIn("Mon-Fri 9am-5pm ET")).toBe("America/New_York");
    expect(zoneNamedIn("Mon-Fri 9am-5pm (Europe/Berlin)")).toBe("Europe/Berlin");
    expect(zoneNamedIn("Mon-Fri 9am-5pm")).toBeNull();
    // 12:00 UTC is 1 pm in Paris but 7 am in New York.
    expect(withinSupportHours("Mon-Fri 9am-5pm ET", friday, "Europe/Paris")).toBe(false);
    expect(withinSupportHours("Mon-Fri 9am-5pm", friday, "Europe/Paris")).toBe(true);
  });

  it.each([
    ["Tues–Thurs 9am–5pm", false],
    ["Wed-Fri 9am-5pm", true],
    ["mié a vie 9:00–18:00", true],
    ["jeu.–sam. 10 h–18 h", true],
    ["dom a mié 9:00-18:00", false],
  ])("reads the days in %s as shoppers' abbreviations write them", (hours, onFriday) => {
    // Friday 13:00 in Paris.
    expect(withinSupportHours(hours, friday, "Europe/Paris")).toBe(onFriday);
  });
});
