package nl.plein;

import static nl.plein.accounts.Access.ADMIN;
import static nl.plein.accounts.Access.ANYONE;
import static nl.plein.accounts.Access.ATTENDEE;
import static nl.plein.accounts.Access.MODERATOR;
import static nl.plein.accounts.Access.PLANNER;
import static nl.plein.accounts.Access.SIGNED_IN;
import static nl.plein.moderation.ModerationStore.Action.HIDE;
import static nl.plein.moderation.ModerationStore.Action.RESTORE;
import static nl.plein.moderation.ModerationStore.Target.ANSWER;
import static nl.plein.moderation.ModerationStore.Target.COMMENT;
import static nl.plein.moderation.ModerationStore.Target.EVALUATION;
import static nl.plein.moderation.ModerationStore.Target.PHOTO;
import static nl.plein.moderation.ModerationStore.Target.PROPOSAL;
import static nl.plein.moderation.ModerationStore.Target.VARIANT;
import static nl.plein.moderation.ModerationStore.Target.WORK_STEP;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.Roles;
import java.util.List;
import javax.sql.DataSource;
import nl.plein.accounts.Access;
import nl.plein.accounts.AccountRoutes;
import nl.plein.accounts.AccountStore;
import nl.plein.accounts.OwnerNotices;
import nl.plein.accounts.Sessions;
import nl.plein.analysis.Analyses;
import nl.plein.analysis.SmallCounts;
import nl.plein.areas.AreaRoutes;
import nl.plein.areas.AreaSetRoutes;
import nl.plein.budgets.ItemRoutes;
import nl.plein.budgets.ItemStore;
import nl.plein.budgets.VoteRoutes;
import nl.plein.budgets.VoteStore;
import nl.plein.budgets.ballots.BallotRoutes;
import nl.plein.budgets.ballots.BallotStore;
import nl.plein.budgets.ballots.PaperBallots;
import nl.plein.budgets.ballots.VotingCodes;
import nl.plein.budgets.results.PabulibRoutes;
import nl.plein.budgets.results.ResultsRoutes;
import nl.plein.clusters.ClusterFeatures;
import nl.plein.clusters.ClusterRoutes;
import nl.plein.clusters.Clusters;
import nl.plein.comments.CommentRoutes;
import nl.plein.comments.CommentStore;
import nl.plein.evaluations.EvaluationRoutes;
import nl.plein.evaluations.EvaluationStore;
import nl.plein.evaluations.Evaluations;
import nl.plein.config.Config;
import nl.plein.db.Jdbis;
import nl.plein.exports.ExportRoutes;
import nl.plein.following.EmailDigest;
import nl.plein.following.FollowingJobs;
import nl.plein.following.FollowingRoutes;
import nl.plein.following.FollowingStore;
import nl.plein.following.Mailer;
import nl.plein.following.ProjectFeed;
import nl.plein.following.UnsubscribeRoutes;
import nl.plein.following.VoteNotices;
import nl.plein.heatmap.Heatmap;
import nl.plein.heatmap.HeatmapRoutes;
import nl.plein.hexbins.HexBinRoutes;
import nl.plein.hexbins.HexBins;
import nl.plein.hotspots.HotSpotCells;
import nl.plein.hotspots.HotSpots;
import nl.plein.hotspots.HotspotRoutes;
import nl.plein.hotspots.Moran;
import nl.plein.hotspots.SpatialUnitStore;
import nl.plein.http.Json;
import nl.plein.http.Problems;
import nl.plein.learning.LearningPage;
import nl.plein.learning.LearningReport;
import nl.plein.learning.LearningRoutes;
import nl.plein.learning.RoundStore;
import nl.plein.map.ClientSettings;
import nl.plein.map.Geocoder;
import nl.plein.map.TileProxy;
import nl.plein.meetings.LiveState;
import nl.plein.meetings.LiveUpdates;
import nl.plein.meetings.MeetingRecords;
import nl.plein.meetings.MeetingReport;
import nl.plein.meetings.MeetingRoutes;
import nl.plein.meetings.MeetingStore;
import nl.plein.meta.MetaRoutes;
import nl.plein.moderation.ModerationRoutes;
import nl.plein.moderation.ModerationStore;
import nl.plein.ogc.FeatureStore;
import nl.plein.ogc.OgcRoutes;
import nl.plein.ogc.ParticipationFigures;
import nl.plein.participation.ActivityCounts;
import nl.plein.participation.AreaShapes;
import nl.plein.participation.ParticipationAnalysis;
import nl.plein.participation.ParticipationRoutes;
import nl.plein.participation.ParticipationStore;
import nl.plein.photos.PhotoEncoder;
import nl.plein.photos.PhotoRoutes;
import nl.plein.photos.PhotoStore;
import nl.plein.photos.PhotoTarget;
import nl.plein.places.PlaceRoutes;
import nl.plein.places.PlaceStore;
import nl.plein.presentations.PresentationRoutes;
import nl.plein.presentations.PresentationStore;
import nl.plein.projects.ProjectRoutes;
import nl.plein.projects.ProjectStore;
import nl.plein.proposals.ProposalRoutes;
import nl.plein.proposals.ProposalStore;
import nl.plein.reports.MapDrawing;
import nl.plein.reports.ReportBuilder;
import nl.plein.reports.ReportPage;
import nl.plein.reports.ReportRoutes;
import nl.plein.supports.SupportRoutes;
import nl.plein.supports.SupportStore;
import nl.plein.variants.VariantRoutes;
import nl.plein.variants.VariantStore;
import nl.plein.vectortiles.VectorTileRoutes;
import nl.plein.vectortiles.VectorTileStore;
import nl.plein.works.WorkRoutes;
import nl.plein.works.WorkStore;

/** The composition root: builds Plein's HTTP server on a data source, without starting it. */
public final class App {
    /** How many analysis results (of every kind, project, CRS and parameters) are kept. */
    private static final int ANALYSIS_CACHE = 256;

    private App() {
    }

    /**
     * Gzip for what Plein sends (large GeoJSON lists shrink about tenfold, vector tiles about
     * threefold). Naming the types lets Javalin decide by one exact lookup instead of scanning its
     * exclusion list for every response, which profiling showed to be a large share of a small
     * request's cost.
     */
    private static CompressionStrategy compression() {
        var strategy = new CompressionStrategy(null, new Gzip(4));
        strategy.setAllowedMimeTypes(List.of("application/geo+json", "application/json",
                "application/problem+json", "application/vnd.oai.openapi+json;version=3.0",
                "application/vnd.mapbox-vector-tile",
                "text/html", "text/css", "text/javascript", "application/javascript"));
        strategy.setExcludedMimeTypes(List.of("image/", "audio/", "video/", "font/woff"));
        return strategy;
    }

    public static Javalin create(Config config, DataSource dataSource) {
        var jdbi = Jdbis.create(dataSource);
        var smallCounts = new SmallCounts(config.smallCountThreshold());
        var analyses = new Analyses(jdbi, config.analysisTimeout(), config.timeZone(), smallCounts, ANALYSIS_CACHE);
        var sessions = new Sessions(jdbi, config.sessionLifetime(), config.secureCookies());
        var projectStore = new ProjectStore(jdbi);
        var proposalStore = new ProposalStore(jdbi);
        var accounts = new AccountRoutes(new AccountStore(jdbi), sessions, OwnerNotices.NONE, config);
        var areas = new AreaRoutes(jdbi);
        var areaSets = new AreaSetRoutes(jdbi, config.maxBoundaryBytes());
        var projects = new ProjectRoutes(projectStore, config.maxBodyBytes(), config.maxVertices());
        var proposals = new ProposalRoutes(proposalStore, projectStore, config);
        var variants = new VariantRoutes(new VariantStore(jdbi), proposalStore, projectStore, config);
        var commentStore = new CommentStore(jdbi);
        var comments = new CommentRoutes(commentStore, proposalStore, projectStore, config);
        var photos = new PhotoRoutes(new PhotoStore(jdbi),
                new PhotoEncoder(config.photoMaxMegapixels() * 1_000_000L, Runtime.getRuntime().maxMemory()),
                proposalStore, commentStore, projectStore, config);
        var supports = new SupportRoutes(new SupportStore(jdbi));
        var moderation = new ModerationRoutes(new ModerationStore(jdbi), config);
        var evaluationFigures = new Evaluations(jdbi, smallCounts);
        var evaluations = new EvaluationRoutes(new EvaluationStore(jdbi), evaluationFigures, projectStore, config);
        var meta = new MetaRoutes(jdbi);
        ActivityCounts.useTimeZone(jdbi, config.timeZone());
        var participationAnalysis = new ParticipationAnalysis(new ParticipationStore(jdbi, dataSource), analyses);
        var participation = new ParticipationRoutes(participationAnalysis, new AreaShapes(jdbi), projectStore);
        var exports = new ExportRoutes(jdbi, projectStore, participationAnalysis, config.publicUrl());
        var clusterAnalysis = new Clusters();
        var clusterFeatures = new ClusterFeatures(analyses, clusterAnalysis);
        var clusters = new ClusterRoutes(analyses, clusterAnalysis, projectStore);
        var hexBins = new HexBins(analyses, config.maxAnalysisCells());
        var hexbins = new HexBinRoutes(analyses, hexBins, projectStore);
        var spatialUnits = new SpatialUnitStore(hexBins);
        var hotSpots = new HotSpots(spatialUnits);
        var hotspots = new HotspotRoutes(analyses, hotSpots, new Moran(spatialUnits, participationAnalysis), spatialUnits,
                projectStore);
        var ogc = new OgcRoutes(new FeatureStore(jdbi, new ParticipationFigures(participationAnalysis),
                clusterFeatures::publicFeatures,
                new HotSpotCells(analyses, hotSpots, spatialUnits)::features));
        var heatmap = new HeatmapRoutes(analyses, new Heatmap(), projectStore);
        var mapDrawing = new MapDrawing(jdbi, analyses, clusterAnalysis, hexBins, participationAnalysis);
        var reportBuilder = new ReportBuilder(jdbi, participationAnalysis, mapDrawing, smallCounts, config.timeZone(),
                java.time.Clock.systemUTC());
        var reportPage = new ReportPage(config.timeZone());
        var reports = new ReportRoutes(reportBuilder, reportPage, config.defaultLanguage());
        var places = new PlaceRoutes(new PlaceStore(jdbi), projectStore, config);
        var presentations = new PresentationRoutes(new PresentationStore(jdbi), projectStore, config);
        var clientSettings = new ClientSettings(config);
        var tiles = new TileProxy(config);
        var vectorTiles = new VectorTileRoutes(new VectorTileStore(jdbi));
        var geocoder = new Geocoder(config);
        var liveState = new LiveState(jdbi, smallCounts);
        var liveUpdates = new LiveUpdates(jdbi, liveState::json);
        var meetingRecords = new MeetingRecords(jdbi, liveState, reportBuilder, mapDrawing);
        var meetingReport = new MeetingReport(meetingRecords, reportPage, config.timeZone());
        var meetings = new MeetingRoutes(new MeetingStore(jdbi), meetingRecords,
                liveState, liveUpdates, proposalStore, projectStore, sessions, config);
        var votes = new VoteRoutes(new VoteStore(jdbi), smallCounts, config);
        var ballotItems = new ItemRoutes(new ItemStore(jdbi), config);
        var ballots = new BallotRoutes(new BallotStore(jdbi), new VotingCodes(jdbi), new PaperBallots(jdbi), config);
        var voteResults = new ResultsRoutes(jdbi, smallCounts);
        var workStore = new WorkStore(jdbi, config.timeZone(), java.time.Clock.systemUTC());
        var works = new WorkRoutes(workStore, projectStore, config);
        var roundStore = new RoundStore(jdbi);
        var learningReport = new LearningReport(participationAnalysis, roundStore, workStore, evaluationFigures,
                smallCounts);
        var learningPage = new LearningPage(learningReport, mapDrawing);
        var learning = new LearningRoutes(roundStore, learningReport, projectStore, config);
        var pabulib = new PabulibRoutes(jdbi, voteResults.results(), projectStore, config.maxBoundaryBytes());
        var following = new FollowingRoutes(new FollowingStore(jdbi), config);
        var unsubscribe = new UnsubscribeRoutes(jdbi);
        var projectFeed = new ProjectFeed(jdbi, config);
        // Links in e-mails need the address residents reach Plein at: Config requires it with SMTP.
        var followingJobs = new FollowingJobs(new VoteNotices(jdbi),
                config.smtp().map(smtp -> new EmailDigest(jdbi, new Mailer(smtp), config.defaultLanguage(),
                        config.publicUrl().orElseThrow())),
                config.voteNoticePeriod(), config.digestPeriod());

        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.compressionStrategy = compression();
            cfg.router.ignoreTrailingSlashes = true;
            cfg.events.serverStopping(liveUpdates::close);
            cfg.events.serverStarted(followingJobs::start);
            cfg.events.serverStopping(followingJobs::close);
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                // Developers point PLEIN_CLIENT_DIR at map-client/ to see edits without a rebuild.
                files.directory = config.clientDir().map(dir -> dir.toAbsolutePath().toString()).orElse("/map-client");
                files.location = config.clientDir().isPresent() ? Location.EXTERNAL : Location.CLASSPATH;
            });
            var routes = cfg.routes;
            Problems.register(routes, config.maxBodyBytes());
            routes.before("/api/*", sessions::identify);
            routes.before("/photos/*", sessions::identify); // staff and authors see photos not yet public
            routes.beforeMatched(ctx -> {
                if (!ctx.routeRoles().isEmpty()) {
                    Access.check(ctx.routeRoles(), Access.viewer(ctx));
                }
            });
            routes.after(SecurityHeaders::apply);

            // The whole HTTP API, with the least access each route needs. Ownership (only the
            // author edits) is checked inside the handlers.
            routes.get("/api", meta::index, ANYONE);
            routes.get("/api/health", meta::health, ANYONE);
            routes.get("/api/openapi.json", meta::openapi, ANYONE);
            routes.get("/api/config", clientSettings::get, ANYONE);
            routes.get("/api/geocode", geocoder::search, ANYONE);
            // Outside /api: basemap tiles, served from Plein's own origin.
            routes.get("/tiles/{z}/{x}/{y}.png", tiles::get, ANYONE);
            // Outside /api: public proposals and areas as vector tiles (y may end in .mvt or .pbf).
            routes.get("/tiles/{layer}/{z}/{x}/{y}", vectorTiles::get, ANYONE);
            // Outside /api: printable reports, HTML pages of public data only.
            routes.get("/reports/projects/{id}", reports::project, ANYONE);
            routes.get("/reports/meetings/{id}", ctx -> reports.page(ctx, "Meeting", meetingReport::html), ANYONE);
            routes.get("/reports/projects/{id}/learning", ctx -> reports.page(ctx, "Project", learningPage::html),
                    ANYONE);
            routes.get("/reports/report.css", reports::css, ANYONE);
            // Outside /api: photos' files, public ones cached for good (their content never changes).
            routes.get("/photos/{id}/{file}", photos::file, ANYONE);
            // Outside /api: the short join link a meeting's QR code holds.
            routes.get("/j/{code}", meetings::redirect, ANYONE);
            // Outside /api: a project's public events as Atom, and the e-mail digest's one-click unsubscribe.
            routes.get("/feeds/projects/{id}.atom", projectFeed::get, ANYONE);
            routes.get("/unsubscribe/{token}", unsubscribe::confirm, ANYONE); // asks to confirm
            routes.post("/unsubscribe/{token}", unsubscribe::unsubscribe, ANYONE); // RFC 8058 one-click
            // Outside /api: OGC API – Features for GIS clients, public data only, no session read.
            routes.get("/ogc", ogc::landing, ANYONE);
            routes.get("/ogc/conformance", ogc::conformance, ANYONE);
            routes.get("/ogc/api", ogc::openapi, ANYONE);
            routes.get("/ogc/api.html", ogc::documentation, ANYONE);
            routes.get("/ogc/collections", ogc::collections, ANYONE);
            routes.get("/ogc/collections/{collectionId}", ogc::collection, ANYONE);
            routes.get("/ogc/collections/{collectionId}/items", ogc::items, ANYONE);
            routes.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item, ANYONE);

            routes.post("/api/accounts", accounts::signUp, ANYONE);
            routes.patch("/api/accounts/me", accounts::updateOwn, SIGNED_IN);
            routes.get("/api/accounts", accounts::list, ADMIN);
            routes.patch("/api/accounts/{id}", accounts::updateByAdmin, ADMIN);
            routes.get("/api/session", accounts::current, ANYONE);
            routes.post("/api/session", accounts::signIn, ANYONE);
            routes.delete("/api/session", accounts::signOut, ANYONE);

            routes.get("/api/areas", areas::list, ANYONE);
            routes.get("/api/area-sets", areaSets::list, ANYONE);
            routes.post("/api/area-sets", areaSets::upload, ADMIN);
            routes.post("/api/area-sets/{id}/assign", areaSets::assign, ADMIN);

            routes.get("/api/projects", projects::list, ANYONE);
            routes.post("/api/projects", projects::create, ADMIN);
            routes.get("/api/projects/{id}", projects::get, ANYONE);
            routes.patch("/api/projects/{id}", projects::update, ADMIN);
            routes.post("/api/projects/{id}/proposals", proposals::create, SIGNED_IN);
            routes.get("/api/projects/{id}/places", places::list, ANYONE);
            routes.get("/api/projects/{id}/participation", participation::get, ANYONE); // planners: raw counts
            routes.get("/api/projects/{id}/participation.csv", participation::csv, ANYONE); // always public
            routes.get("/api/projects/{id}/participation.geojson", participation::geojson, ANYONE); // always public
            // Files of public data ({dataset}.{format}, {dataset}.dictionary.{csv,json}), always public.
            routes.get("/api/projects/{id}/exports/{file}", exports::get, ANYONE);
            routes.get("/api/projects/{id}/analysis/clusters", clusters::get, ANYONE); // planners: raw counts
            routes.get("/api/projects/{id}/analysis/hexbins", hexbins::get, ANYONE); // planners: raw counts
            routes.get("/api/projects/{id}/analysis/hotspots", hotspots::hotspots, ANYONE); // planners: raw counts
            routes.get("/api/projects/{id}/analysis/moran", hotspots::moran, ANYONE); // planners: raw counts
            routes.get("/api/projects/{id}/analysis/heatmap", heatmap::get, ANYONE);
            routes.post("/api/projects/{id}/places", places::add, ADMIN);
            routes.get("/api/projects/{id}/presentations", presentations::list, ANYONE); // shown in public
            routes.post("/api/projects/{id}/presentations", presentations::create, PLANNER);

            routes.get("/api/presentations/{id}", presentations::get, ANYONE);
            routes.patch("/api/presentations/{id}", presentations::update, PLANNER);
            routes.delete("/api/presentations/{id}", presentations::delete, PLANNER);
            routes.post("/api/presentations/{id}/slides", presentations::addSlide, PLANNER);
            routes.put("/api/presentations/{id}/order", presentations::reorder, PLANNER);
            routes.patch("/api/slides/{id}", presentations::updateSlide, PLANNER);
            routes.delete("/api/slides/{id}", presentations::deleteSlide, PLANNER);

            routes.get("/api/projects/{id}/meetings", meetings::listForProject, ANYONE);
            routes.post("/api/projects/{id}/meetings", meetings::start, PLANNER);

            // Participatory budgeting: setting up a vote (its pots), its ballot items and their public review.
            routes.get("/api/projects/{id}/votes", votes::list, ANYONE); // planners: raw counts
            routes.post("/api/projects/{id}/votes", votes::create, PLANNER);
            routes.get("/api/votes/{id}", votes::get, ANYONE); // planners: raw counts
            routes.patch("/api/votes/{id}", votes::update, PLANNER);
            routes.get("/api/votes/{id}/items", ballotItems::list, ANYONE);
            routes.post("/api/votes/{id}/items", ballotItems::add, PLANNER);
            routes.patch("/api/votes/{id}/items/{itemId}", ballotItems::update, PLANNER);
            routes.delete("/api/votes/{id}/items/{itemId}", ballotItems::delete, PLANNER);
            routes.get("/api/votes/{id}/reviews", ballotItems::reviews, ANYONE);
            routes.put("/api/votes/{id}/reviews/{proposalId}", ballotItems::review, PLANNER);

            routes.get("/api/proposals", proposals::list, ANYONE);
            routes.get("/api/proposals/clusters", proposals::clusters, ANYONE);
            routes.get("/api/proposals/{id}", proposals::get, ANYONE);
            routes.patch("/api/proposals/{id}", proposals::update, SIGNED_IN);
            routes.delete("/api/proposals/{id}", proposals::withdraw, SIGNED_IN);
            routes.post("/api/proposals/{id}/decisions", proposals::decide, PLANNER);
            routes.post("/api/proposals/{id}/publish", proposals::publish, MODERATOR);
            routes.put("/api/proposals/{id}/support", supports::support, SIGNED_IN);
            routes.delete("/api/proposals/{id}/support", supports::withdraw, SIGNED_IN);
            routes.get("/api/proposals/{id}/variants", variants::list, ANYONE);
            routes.post("/api/proposals/{id}/variants", variants::create, SIGNED_IN);
            routes.get("/api/proposals/{id}/comments", comments::list, ANYONE);
            routes.post("/api/proposals/{id}/comments", comments::create, SIGNED_IN);
            routes.post("/api/proposals/{id}/photos", photos.upload(PhotoTarget.PROPOSAL), SIGNED_IN); // its author
            routes.post("/api/proposals/{id}/hide", moderation.handler(PROPOSAL, HIDE), MODERATOR);
            routes.post("/api/proposals/{id}/restore", moderation.handler(PROPOSAL, RESTORE), MODERATOR);

            routes.get("/api/variants/{id}", variants::get, ANYONE);
            routes.get("/api/variants/{id}/comparison", variants::compare, ANYONE);
            routes.patch("/api/variants/{id}", variants::update, SIGNED_IN);
            routes.delete("/api/variants/{id}", variants::withdraw, SIGNED_IN);
            routes.post("/api/variants/{id}/hide", moderation.handler(VARIANT, HIDE), MODERATOR);
            routes.post("/api/variants/{id}/restore", moderation.handler(VARIANT, RESTORE), MODERATOR);

            routes.patch("/api/comments/{id}", comments::update, SIGNED_IN);
            routes.delete("/api/comments/{id}", comments::withdraw, SIGNED_IN);
            routes.post("/api/comments/{id}/hide", moderation.handler(COMMENT, HIDE), MODERATOR);
            routes.post("/api/comments/{id}/restore", moderation.handler(COMMENT, RESTORE), MODERATOR);
            routes.post("/api/comments/{id}/photos", photos.upload(PhotoTarget.COMMENT), SIGNED_IN); // its author

            routes.post("/api/work-steps/{id}/photos", photos.upload(PhotoTarget.WORK_STEP), PLANNER);
            routes.delete("/api/photos/{id}", photos::delete, SIGNED_IN); // who uploaded it
            routes.post("/api/photos/{id}/hide", moderation.handler(PHOTO, HIDE), MODERATOR);
            routes.post("/api/photos/{id}/restore", moderation.handler(PHOTO, RESTORE), MODERATOR);

            routes.get("/api/moderation/log", moderation::log, MODERATOR);

            routes.get("/api/works/{id}/evaluation", evaluations::own, SIGNED_IN);
            routes.put("/api/works/{id}/evaluation", evaluations::put, SIGNED_IN);
            routes.delete("/api/works/{id}/evaluation", evaluations::withdraw, SIGNED_IN);
            routes.get("/api/works/{id}/evaluations", evaluations::ofWork, ANYONE);
            routes.get("/api/projects/{id}/evaluations", evaluations::ofProject, ANYONE);
            routes.post("/api/evaluations/{id}/hide", moderation.handler(EVALUATION, HIDE), MODERATOR);
            routes.post("/api/evaluations/{id}/restore", moderation.handler(EVALUATION, RESTORE), MODERATOR);
            // Following proposals, works and projects; my notifications and whether they come by e-mail.
            routes.get("/api/following", following::list, SIGNED_IN);
            routes.get("/api/following/unread", following::unread, SIGNED_IN);
            routes.post("/api/following/read", following::read, SIGNED_IN);
            routes.patch("/api/following/email", following::updateSettings, SIGNED_IN);
            routes.get("/api/following/{kind}/{id}", following::state, SIGNED_IN);
            routes.put("/api/following/{kind}/{id}", following::follow, SIGNED_IN);
            routes.delete("/api/following/{kind}/{id}", following::unfollow, SIGNED_IN);

            // Participatory budgeting: casting ballots. Only the voter sees their own ballot.
            routes.get("/api/votes/{id}/ballot", ballots::own, SIGNED_IN);
            routes.put("/api/votes/{id}/ballot", ballots::put, SIGNED_IN);
            routes.get("/api/votes/{id}/ballot/pots", ballots::ownPots, SIGNED_IN);
            routes.post("/api/votes/{id}/code-ballots", ballots::codeBallot, ANYONE); // wrong codes throttled
            routes.post("/api/votes/{id}/code-batches", ballots::makeBatch, PLANNER);
            routes.get("/api/votes/{id}/code-batches", ballots::batches, PLANNER);
            routes.post("/api/votes/{id}/paper-ballots", ballots::enterPaper, PLANNER);
            routes.get("/api/votes/{id}/paper-ballots", ballots::pendingPapers, PLANNER);
            routes.post("/api/paper-ballots/{id}/confirm", ballots::confirmPaper, PLANNER); // not who entered it
            routes.delete("/api/paper-ballots/{id}", ballots::rejectPaper, PLANNER);

            // Live meetings. Attendees (guests included) act only through these, while it is open.
            routes.post("/api/meetings/join", meetings::join, ANYONE);
            routes.get("/api/meetings/{id}", meetings::get, ANYONE);
            routes.post("/api/meetings/{id}/close", meetings::close, PLANNER);
            routes.get("/api/meetings/{id}/live", meetings::live, ANYONE); // staff: raw counts
            routes.get("/api/meetings/{id}/events", meetings::events, ANYONE); // server-sent events
            routes.get("/api/meetings/{id}/qr.svg", meetings::qr, ANYONE);
            routes.get("/api/meetings/{id}/record", meetings::record, ANYONE);
            routes.post("/api/meetings/{id}/questions", meetings::openQuestion, PLANNER);
            routes.post("/api/meetings/{id}/questions/{questionId}/close", meetings::closeQuestion, PLANNER);
            routes.put("/api/meetings/{id}/questions/{questionId}/answer", meetings::answer, ATTENDEE);
            routes.post("/api/meetings/{id}/proposals/{proposalId}/comments", meetings::comment, ATTENDEE);
            routes.put("/api/meetings/{id}/proposals/{proposalId}/support", meetings::support, ATTENDEE);
            routes.delete("/api/meetings/{id}/proposals/{proposalId}/support", meetings::withdrawSupport, ATTENDEE);
            routes.post("/api/answers/{id}/hide", moderation.handler(ANSWER, HIDE), MODERATOR);
            routes.post("/api/answers/{id}/restore", moderation.handler(ANSWER, RESTORE), MODERATOR);

            // Participatory budgeting: results, what-if, where the money goes, Pabulib in and out.
            routes.post("/api/votes/{id}/close", voteResults::close, PLANNER);
            routes.get("/api/votes/{id}/results", voteResults::get, ANYONE); // planners: raw counts
            routes.get("/api/votes/{id}/results/compare", voteResults::compare, ANYONE);
            routes.get("/api/votes/{id}/results/items", voteResults::items, ANYONE);
            routes.get("/api/votes/{id}/money", voteResults::money, ANYONE); // planners: raw counts
            routes.get("/api/votes/{id}/pabulib", pabulib::export, PLANNER);
            routes.post("/api/projects/{id}/votes/pabulib", pabulib::importInstance, PLANNER);

            // Carrying out: works made from what was decided, their steps in public, and the figures.
            routes.get("/api/projects/{id}/works", works::list, ANYONE);
            routes.post("/api/projects/{id}/works", works::create, PLANNER);
            routes.get("/api/projects/{id}/works/figures", works::figures, ANYONE);
            routes.get("/api/works/{id}", works::get, ANYONE); // staff: hidden notes too
            routes.patch("/api/works/{id}", works::update, PLANNER);
            routes.post("/api/works/{id}/steps", works::addStep, PLANNER);
            routes.post("/api/work-steps/{id}/hide", moderation.handler(WORK_STEP, HIDE), MODERATOR);
            routes.post("/api/work-steps/{id}/restore", moderation.handler(WORK_STEP, RESTORE), MODERATOR);
            // Learning from a round: series of rounds, lessons learned, the learning report (always public).
            routes.get("/api/series", learning::allSeries, ANYONE);
            routes.post("/api/series", learning::createSeries, PLANNER);
            routes.get("/api/series/{id}", learning::series, ANYONE);
            routes.put("/api/projects/{id}/series", learning::putRound, PLANNER);
            routes.delete("/api/projects/{id}/series", learning::removeRound, PLANNER);
            routes.get("/api/projects/{id}/lessons", learning::lessons, ANYONE);
            routes.post("/api/projects/{id}/lessons", learning::addLesson, PLANNER);
            routes.patch("/api/lessons/{id}", learning::updateLesson, PLANNER);
            routes.delete("/api/lessons/{id}", learning::deleteLesson, PLANNER);
            routes.get("/api/projects/{id}/learning", learning::report, ANYONE);
        });
        requireAccessOnEveryRoute(app);
        return app;
    }

    /** Access is never granted by forgetting to declare it: a route without a rule stops the start. */
    private static void requireAccessOnEveryRoute(Javalin app) {
        for (var parsed : app.unsafe.internalRouter.allHttpHandlers()) {
            var endpoint = parsed.endpoint;
            boolean isRoute = List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(endpoint.method.name());
            var declared = endpoint.metadata(Roles.class);
            if (isRoute && (declared == null || declared.getRoles().isEmpty())) {
                throw new IllegalStateException(endpoint.method + " " + endpoint.path + " declares no access rule");
            }
        }
    }
}
