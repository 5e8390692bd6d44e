package org.follicle.scheduling.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.follicle.clinics.ClinicView;
import org.follicle.security.ClinicAccess;
import org.follicle.security.Privilege;
import org.follicle.security.StaffDirectory;
import org.follicle.system.BusinessRuleException;
import org.follicle.system.PageForms;
import org.follicle.system.StaleRecordException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic manager's calendar settings for the clinic they work in: opening hours, each practitioner's working
 * hours, closures, appointment types (length, minimum interval, price) and the pre-care email's timing.
 */
@Controller
class CalendarSettingsController {

    private final ClinicHours hours;

    private final Bookings bookings;

    private final StaffDirectory staff;

    private final ClinicAccess access;

    private final PageForms pages;

    CalendarSettingsController(ClinicHours hours, Bookings bookings, StaffDirectory staff, ClinicAccess access,
            PageForms pages) {
        this.hours = hours;
        this.bookings = bookings;
        this.staff = staff;
        this.access = access;
        this.pages = pages;
    }

    @GetMapping("/calendar/settings")
    String settings(@RequestParam(required = false) Long practitioner, Model model) {
        ClinicView clinic = bookings.clinicWith(access.workingClinic(), Privilege.CLINIC_MANAGE);
        var practitioners = staff.practitionersOf(clinic.id());
        Long chosen = practitioner != null ? practitioner
                : practitioners.isEmpty() ? null : practitioners.get(0).id();
        ClinicHours.Week week = hours.week(clinic.id());
        model.addAttribute("clinic", clinic);
        model.addAttribute("opening", grid(week.openingHours()));
        model.addAttribute("closures", week.closures());
        model.addAttribute("practitioners", practitioners);
        model.addAttribute("practitioner", chosen);
        model.addAttribute("working", chosen == null ? grid(List.of()) : grid(hours.workingHours(clinic.id(), chosen)));
        model.addAttribute("types", bookings.myTypes());
        model.addAttribute("preCareDays", hours.preCareDays());
        model.addAttribute("aftercareHours", hours.aftercareHours());
        model.addAttribute("cancellationNoticeHours", hours.cancellationNoticeHours());
        model.addAttribute("today", LocalDate.now(clinic.zone()));
        return "scheduling/settings";
    }

    @PostMapping("/calendar/settings/opening-hours")
    String openingHours(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return attempt(redirect, "settings.saved", "",
                () -> hours.setOpeningHours(access.workingClinic(), week(form)));
    }

    @PostMapping("/calendar/settings/working-hours")
    String workingHours(@RequestParam long practitionerId, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        return attempt(redirect, "settings.saved", "?practitioner=" + practitionerId,
                () -> hours.setWorkingHours(access.workingClinic(), practitionerId, week(form)));
    }

    @PostMapping("/calendar/settings/closures")
    String addClosure(@RequestParam(required = false) LocalDate day, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        return attempt(redirect, "settings.closureAdded", "#closures", () -> {
            if (day == null || reason.isBlank()) {
                throw BusinessRuleException.onField("day", "settings.closureIncomplete");
            }
            hours.addClosure(access.workingClinic(), new ClinicHours.Closure(day, reason));
        });
    }

    @PostMapping("/calendar/settings/closures/remove")
    String removeClosure(@RequestParam LocalDate day, RedirectAttributes redirect) {
        return attempt(redirect, "settings.closureRemoved", "#closures",
                () -> hours.removeClosure(access.workingClinic(), day));
    }

    @PostMapping("/calendar/settings/types")
    String type(@RequestParam String code, @RequestParam int version, @RequestParam int durationMinutes,
            @RequestParam int minimumIntervalDays, @RequestParam(required = false) BigDecimal price,
            @RequestParam(defaultValue = "EUR") String currency, RedirectAttributes redirect) {
        return attempt(redirect, "settings.saved", "#types", () -> {
            if (durationMinutes < 5 || durationMinutes > 480 || minimumIntervalDays < 0 || minimumIntervalDays > 365
                    || (price != null && price.signum() < 0)) {
                throw BusinessRuleException.onField("durationMinutes", "settings.typeRange");
            }
            hours.updateType(code, version, new ClinicHours.TypeChange(durationMinutes, minimumIntervalDays, price,
                    currency.trim().toUpperCase(java.util.Locale.ROOT)));
        });
    }

    @PostMapping("/calendar/settings/messages")
    String messages(@RequestParam int preCareDays, @RequestParam int aftercareHours,
            @RequestParam(required = false) Integer cancellationNoticeHours, RedirectAttributes redirect) {
        return attempt(redirect, "settings.saved", "#messages", () -> {
            hours.setPreCareDays(preCareDays);
            hours.setAftercareHours(aftercareHours);
            if (cancellationNoticeHours != null) {
                hours.setCancellationNoticeHours(cancellationNoticeHours);
            }
        });
    }

    /** Runs a change; a broken rule comes back to the page as a message, nothing saved. */
    private String attempt(RedirectAttributes redirect, String done, String anchor, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("flash", done);
        }
        catch (BusinessRuleException e) {
            redirect.addFlashAttribute("settingsError", pages.text(e));
        }
        catch (StaleRecordException e) {
            redirect.addFlashAttribute("settingsError", pages.text(new BusinessRuleException("settings.stale")));
        }
        return "redirect:/calendar/settings" + anchor;
    }

    /**
     * The weekly grid of a form: for each ISO weekday d, {@code from-d}/{@code to-d} and an optional second span
     * {@code from2-d}/{@code to2-d} (a lunch break); a day left empty is closed.
     */
    static List<ClinicHours.Hours> week(Map<String, String> form) {
        List<ClinicHours.Hours> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            for (String span : List.of("", "2")) {
                String from = form.getOrDefault("from" + span + "-" + day, "").trim();
                String to = form.getOrDefault("to" + span + "-" + day, "").trim();
                if (from.isEmpty() && to.isEmpty()) {
                    continue;
                }
                if (from.isEmpty() || to.isEmpty()) {
                    throw BusinessRuleException.onField("hours", "settings.hoursIncomplete", day);
                }
                try {
                    week.add(new ClinicHours.Hours(day, LocalTime.parse(from), LocalTime.parse(to)));
                }
                catch (java.time.format.DateTimeParseException e) {
                    throw BusinessRuleException.onField("hours", "settings.hoursIncomplete", day);
                }
            }
        }
        return week;
    }

    /** Up to two spans per weekday, for the form. */
    private static Map<Integer, List<ClinicHours.Hours>> grid(List<ClinicHours.Hours> hours) {
        Map<Integer, List<ClinicHours.Hours>> grid = new TreeMap<>();
        for (int day = 1; day <= 7; day++) {
            grid.put(day, new ArrayList<>());
        }
        hours.forEach(h -> grid.get(h.dayOfWeek()).add(h));
        return grid;
    }
}
