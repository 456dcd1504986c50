package org.heatdesk.platform;

import java.time.ZoneId;

/**
 * The company HeatDesk serves, from the {@code heatdesk.company.*} settings.
 * @param name the full name (layout, reports)
 * @param shortName as agents say it on the phone ({@code 金鼎公司}供热客服中心)
 * @param hotline the service hotline customers call
 * @param zone the zone times are shown in
 */
public record Company(String name, String shortName, String hotline, ZoneId zone) {
}
