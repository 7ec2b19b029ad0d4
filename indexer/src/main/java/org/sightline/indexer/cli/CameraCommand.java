package org.sightline.indexer.cli;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.indexer.app.CaseEvidence;
import org.sightline.indexer.app.Cameras;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline camera}: the cameras (one per folder footage was indexed from), their names and time zones.
 * Time-of-day searches ("at night", {@code --time-of-day}) read each camera's clock in its zone.
 */
@Command(name = "camera", mixinStandardHelpOptions = true,
        description = "Cameras: list them; name one and set the time zone of its clock.")
public class CameraCommand implements Callable<Integer> {
    @Mixin
    DataOption dataOption;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    @FunctionalInterface
    interface CameraWork {
        int run(Cameras cameras) throws Exception;
    }

    private int run(String verb, DataOption own, CameraWork work) {
        try (CaseEvidence w = CaseEvidence.open(DataOption.choose(own, dataOption))) {
            return work.run(w.cameras());
        } catch (Exception e) {
            System.err.println("sightline camera " + verb + ": " + PlainErrors.describe(e));
            return 1;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the cameras: key, name, time zone, videos.")
    int list(@Mixin DataOption data, @Option(names = "--json", description = "Print JSON.") boolean json) {
        return run("list", data, cameras -> {
            List<Cameras.Camera> all = cameras.list();
            if (json) {
                System.out.println(CaseJson.toJson(all.stream().map(CameraCommand::json).toList()));
                return 0;
            }
            if (all.isEmpty()) {
                System.out.println("no cameras yet: index some footage (each folder of footage is a camera)");
                return 0;
            }
            System.out.printf("%-20s %-24s %-28s %s%n", "KEY", "NAME", "ZONE", "VIDEOS");
            for (Cameras.Camera c : all) {
                System.out.printf("%-20s %-24s %-28s %d%n", c.key(), c.name(), c.zoneLabel(), c.videos());
            }
            if (all.stream().anyMatch(Cameras.Camera::zoneAssumed)) {
                System.out.println("(workstation zone: no zone set for the camera, so its clock is read in the workstation zone, "
                        + cameras.workstationZone().label() + "; set the camera's with `sightline camera set KEY --zone "
                        + "Europe/London`, the workstation's with `sightline config set time.zone Europe/London`)");
            }
            return 0;
        });
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Name a camera and/or set the time zone of its clock.")
    int set(@Mixin DataOption data, @Parameters(paramLabel = "KEY", description = "The camera's key (or its current name).") String key,
            @Option(names = "--name", paramLabel = "NAME", description = "The name shown for the camera.") String name,
            @Option(names = "--zone", paramLabel = "ZONE", description = "IANA time zone of the camera's clock, e.g. Europe/London.") String zone) {
        return run("set", data, cameras -> {
            if (name == null && zone == null) {
                System.err.println("sightline camera set: give --name NAME and/or --zone ZONE");
                return PlainErrors.BAD_INPUT;
            }
            ZoneId z = zone == null ? null : Cameras.zone(zone);
            String k = cameras.find(key).map(Cameras.Camera::key).orElse(key);
            Cameras.Camera c = cameras.set(k, name, z);
            System.out.println("camera " + c.key() + ": name \"" + c.name() + "\", zone " + c.zoneLabel());
            return 0;
        });
    }

    static Map<String, Object> json(Cameras.Camera c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("name", c.name());
        m.put("zone", c.zoneName());
        m.put("zoneAssumed", c.zoneAssumed());
        m.put("zoneSource", c.zoneSource().words());
        m.put("videos", c.videos());
        return m;
    }
}
