import PhusongCoverage
import PhusongSupport

/// The map panel: the canvas the script draws on (`#map`, which gets `data-drawn="true"`
/// and `data-points` once drawn), its tools, legend and layer switches.
enum HTMLMapSection {
    static func section(_ map: HTMLMapData, run: CoverageRun) -> String {
        let connected = run.tables.national.villagesConnected
        let cells = map.grid.cells.count / 4
        let sites = (map.sites4G.count + map.sites5G.count) / 2
        let points = map.points.count / 3
        let cellKm = NumberText.fixed(map.grid.cellDeg * 111.32, decimals: map.grid.cellDeg < 0.05 ? 1 : 0)
        let outlines = map.outlines.isEmpty
            ? "No boundary file was given, so the map has no province outlines."
            : "\(NumberText.grouped(map.outlines.count)) province outlines, simplified for display (islands included)."
        let facts = "\(NumberText.grouped(connected)) connected villages in \(NumberText.grouped(cells)) grid cells of "
            + "\(NumberText.fixed(map.grid.cellDeg, decimals: 3))° (≈\(cellKm) km); \(NumberText.grouped(points)) villages marked one by one; "
            + "\(NumberText.grouped(sites)) site positions. \(outlines)"
        return """
        <section class="panel" id="map-section" aria-labelledby="map-title">
        <h2 id="map-title" class="section-title">Map</h2>
        <div class="map-layout">
        <div class="map-frame">
        <div id="map" class="map" data-drawn="false" data-points="0" role="img" aria-label="Map of village coverage, dead zones, unpowered villages and sites">
        <canvas id="map-canvas" width="800" height="600"></canvas>
        <div class="map-tools" role="group" aria-label="Zoom">
        <button type="button" id="map-zoom-in" title="Zoom in" aria-label="Zoom in">+</button>\
        <button type="button" id="map-zoom-out" title="Zoom out" aria-label="Zoom out">−</button>\
        <button type="button" id="map-reset" title="Show everything">Reset</button>
        </div>
        <div id="map-tip" class="map-tip" hidden></div>
        <noscript><p class="map-noscript">The map needs JavaScript. The indicators and tables on this page work without it.</p></noscript>
        </div>
        <p class="map-hint">Drag to move · double-click or + to zoom in · Ctrl + scroll to zoom · point at a village or province for details.</p>
        </div>
        <aside class="map-side" aria-label="Legend and layers">
        <h3>Villages</h3>
        <ul class="legend">
        <li><span class="sym sym-deadzone"></span>Dead zone (no 4G or 5G)</li>
        <li><span class="sym sym-deadzone-unpowered"></span>Dead zone, no grid power</li>
        <li><span class="sym sym-unpowered"></span>Connected, no grid power</li>
        <li><span class="sym sym-cell sym-both"></span>Connected, mostly with 5G</li>
        <li><span class="sym sym-cell sym-4g"></span>Connected, mostly 4G only</li>
        <li class="legend-ramp"><span class="ramp"></span><span class="ramp-labels"><span>0%</span><span>share with 5G</span><span>100%</span></span></li>
        <li class="legend-note">Connected villages are counted per grid cell; darker cells hold more villages.</li>
        </ul>
        <h3>Sites</h3>
        <ul class="legend">
        <li><span class="sym sym-site sym-site-5g"></span>Site with 5G</li>
        <li><span class="sym sym-site sym-site-4g"></span>Site with 4G only</li>
        \(map.outlines.isEmpty ? "" : "<li><span class=\"sym sym-outline\"></span>Province boundary</li>")
        </ul>
        <h3>Layers</h3>
        <div class="layers">
        <label><input type="checkbox" data-layer="points" checked> Dead-zone and unpowered villages</label>
        <label><input type="checkbox" data-layer="grid" checked> Connected villages (grid)</label>
        <label><input type="checkbox" data-layer="sites" checked> Sites</label>
        <label><input type="checkbox" data-layer="labels" checked> Province names\(map.outlines.isEmpty ? "" : " (zoomed in)")</label>
        \(map.outlines.isEmpty ? "" : "<label><input type=\"checkbox\" data-layer=\"outlines\" checked> Province outlines</label>")
        </div>
        <p class="map-facts">\(HTMLText.escaped(facts))</p>
        </aside>
        </div>
        </section>
        """
    }
}
