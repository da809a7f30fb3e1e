package nl.plein.meetings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.sse.SseHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.plein.accounts.Access;
import nl.plein.accounts.Sessions;
import nl.plein.accounts.Viewer;
import nl.plein.comments.CommentStore;
import nl.plein.config.Config;
import nl.plein.geo.GeoJsonReader;
import nl.plein.http.ApiError;
import nl.plein.http.Choices;
import nl.plein.http.Fields;
import nl.plein.http.GeoJson;
import nl.plein.http.Json;
import nl.plein.http.Query;
import nl.plein.http.Requests;
import nl.plein.projects.ProjectStore;
import nl.plein.proposals.ProposalStore;
import nl.plein.supports.SupportStore;
import org.locationtech.jts.geom.Point;

/**
 * Live meetings: a planner starts one on a project and asks questions; people in the room join with
 * its code (as guests, or signed in as themselves) and comment, support and answer from their
 * phones while it is open; screens follow its state through server-sent events; closing it freezes
 * a record.
 */
public final class MeetingRoutes {
    static final int MAX_PROMPT = 300;
    static final int MAX_OPTION = 120;
    static final int MAX_OPTIONS = 8;

    private final MeetingStore store;
    private final MeetingRecords records;
    private final LiveState live;
    private final LiveUpdates updates;
    private final ProposalStore proposals;
    private final ProjectStore projects;
    private final Sessions sessions;
    private final Config config;
    private final JoinThrottle throttle;

    public MeetingRoutes(MeetingStore store, MeetingRecords records, LiveState live, LiveUpdates updates,
                         ProposalStore proposals, ProjectStore projects, Sessions sessions, Config config) {
        this.store = store;
        this.records = records;
        this.live = live;
        this.updates = updates;
        this.proposals = proposals;
        this.projects = projects;
        this.sessions = sessions;
        this.config = config;
        this.throttle = new JoinThrottle(config.meetingJoinsPerAddress());
    }

    public void start(Context ctx) {
        long projectId = Requests.pathId(ctx, "id", "Project");
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "presentationId");
        Meeting meeting = store.start(projectId, body.optionalId("presentationId"),
                Access.viewer(ctx).requireAccount());
        ctx.status(201).json(meetingJson(ctx, meeting));
    }

    public void listForProject(Context ctx) {
        Query.of(ctx);
        long projectId = Requests.pathId(ctx, "id", "Project");
        projects.rules(projectId);
        ctx.json(store.forProject(projectId).stream().map(m -> meetingJson(ctx, m)).toList());
    }

    public void get(Context ctx) {
        Query.of(ctx);
        ctx.json(meetingJson(ctx, meeting(ctx)));
    }

    public void close(Context ctx) {
        long id = Requests.pathId(ctx, "id", "Meeting");
        Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()));
        GeoJson.send(ctx, "application/json", records.close(id));
    }

    public void record(Context ctx) {
        Query.of(ctx);
        GeoJson.send(ctx, "application/json", records.get(Requests.pathId(ctx, "id", "Meeting")));
    }

    /** A join link from the QR code: on to the client's join page. */
    public void redirect(Context ctx) {
        String code = JoinCodes.CODE.normalise(ctx.pathParam("code"))
                .orElseThrow(() -> ApiError.notFound("Meeting code '" + clip(ctx.pathParam("code")) + "'"));
        ctx.redirect("/#/join/" + code, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    public void qr(Context ctx) {
        Query.of(ctx);
        Meeting meeting = meeting(ctx);
        ctx.header("Cache-Control", "no-cache");
        ctx.contentType("image/svg+xml").result(QrSvg.of(joinUrl(ctx, meeting),
                "QR code: join the meeting at " + joinUrl(ctx, meeting)));
    }

    public void join(Context ctx) {
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "code", "displayName", "homeAreaId");
        String address = ctx.ip();
        throttle.checkWrongCodes(address);
        String typed = body.text("code", 40);
        Viewer viewer = Access.viewer(ctx);
        Optional<String> name = body.optionalText("displayName", 80);
        Optional<Long> home = body.optionalId("homeAreaId");
        if (viewer.signedIn()) {
            for (String field : List.of("displayName", "homeAreaId")) {
                if (body.has(field)) {
                    throw ApiError.invalid(field, "you are signed in and join as yourself; leave this out");
                }
            }
        } else if (name.isEmpty()) {
            throw ApiError.invalid("displayName", "is required: the name others see with what you write");
        }
        Optional<String> code = JoinCodes.CODE.normalise(typed);
        if (code.isEmpty()) {
            throttle.wrongCode(address);
            throw ApiError.invalid("code", "is six letters and digits, as shown on the screen");
        }
        if (!viewer.signedIn()) {
            throttle.takeGuest(address);
        }
        MeetingStore.Joined joined;
        try {
            joined = store.join(code.get(), viewer, name, home);
        } catch (ApiError e) {
            if (!viewer.signedIn()) {
                throttle.guestNotMade(address);
            }
            if (e.status() == 400 && e.errors().get(0).field().equals("code")) {
                throttle.wrongCode(address);
            }
            throw e;
        }
        var json = Json.MAPPER.createObjectNode();
        json.set("meeting", meetingJson(ctx, joined.meeting()));
        json.put("accountId", joined.accountId());
        json.put("guest", joined.newGuest() || viewer.guest());
        if (joined.newGuest()) {
            json.put("csrfToken", sessions.start(ctx, joined.accountId()));
        }
        ctx.status(joined.newGuest() ? 201 : 200).json(json);
    }

    public void comment(Context ctx) {
        long meetingId = Requests.pathId(ctx, "id", "Meeting");
        long proposalId = Requests.pathId(ctx, "proposalId", "Proposal");
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "body");
        String text = body.text("body", config.maxTextLength());
        Viewer viewer = Access.viewer(ctx);
        var proposal = proposals.visible(viewer, proposalId);
        proposal.requireOpenToResponses("comments");
        projects.rules(proposal.projectId()).requireOpen();
        String feature = store.attend(meetingId, viewer, (h, meeting) -> {
            MeetingStore.requireProposalOf(h, meeting, proposalId);
            return CommentStore.create(h, viewer, proposalId, Optional.empty(), text, Optional.empty(),
                    Optional.of(meetingId));
        });
        ctx.status(201);
        GeoJson.feature(ctx, feature);
    }

    public void support(Context ctx) {
        supportOrWithdraw(ctx, true);
    }

    public void withdrawSupport(Context ctx) {
        supportOrWithdraw(ctx, false);
    }

    private void supportOrWithdraw(Context ctx, boolean support) {
        long meetingId = Requests.pathId(ctx, "id", "Meeting");
        long proposalId = Requests.pathId(ctx, "proposalId", "Proposal");
        if (support) {
            Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()));
        }
        Viewer viewer = Access.viewer(ctx);
        ctx.json(store.attend(meetingId, viewer, (h, meeting) -> {
            MeetingStore.requireProposalOf(h, meeting, proposalId);
            return support ? SupportStore.support(h, viewer, proposalId, Optional.of(meetingId))
                    : SupportStore.withdraw(h, viewer, proposalId);
        }));
    }

    public void answer(Context ctx) {
        long meetingId = Requests.pathId(ctx, "id", "Meeting");
        long questionId = Requests.pathId(ctx, "questionId", "Question");
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "choice", "geometry");
        Optional<Integer> choice = choice(body);
        Optional<Point> point = body.raw("geometry").filter(g -> !g.isNull()).map(g -> {
            var geometry = GeoJsonReader.read(g, "geometry", config.maxVertices());
            if (!(geometry instanceof Point p)) {
                throw ApiError.invalid("geometry", "must be a GeoJSON Point");
            }
            return p;
        });
        Viewer viewer = Access.viewer(ctx);
        store.attend(meetingId, viewer, (h, meeting) -> {
            store.answer(h, meeting, questionId, viewer.requireAccount(), choice, point);
            return null;
        });
        ctx.json(Map.of("questionId", questionId, "answered", true));
    }

    private static Optional<Integer> choice(Fields body) {
        var raw = body.raw("choice").filter(v -> !v.isNull());
        if (raw.isPresent() && (!raw.get().isIntegralNumber() || !raw.get().canConvertToInt()
                || raw.get().intValue() < 0)) {
            throw ApiError.invalid("choice", "must be an option's index (0, 1, …)");
        }
        return raw.map(v -> v.intValue());
    }

    public void openQuestion(Context ctx) {
        long meetingId = Requests.pathId(ctx, "id", "Meeting");
        var body = Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()), "kind", "prompt", "options");
        var kind = body.optionalChoice("kind", MeetingStore.QuestionKind.class)
                .orElseThrow(() -> ApiError.invalid("kind", "is required: choice or pin"));
        String prompt = body.text("prompt", MAX_PROMPT);
        List<String> options = body.optionalTextList("options", MAX_OPTIONS, MAX_OPTION).orElse(List.of());
        if (kind == MeetingStore.QuestionKind.CHOICE && options.size() < 2) {
            throw ApiError.invalid("options", "a choice needs 2 to " + MAX_OPTIONS + " options");
        }
        if (kind == MeetingStore.QuestionKind.PIN && body.has("options")) {
            throw ApiError.invalid("options", "a pin question has no options");
        }
        long id = store.openQuestion(meetingId, kind, prompt, options);
        ctx.status(201).json(Map.of("id", id, "meetingId", meetingId));
    }

    public void closeQuestion(Context ctx) {
        long meetingId = Requests.pathId(ctx, "id", "Meeting");
        long questionId = Requests.pathId(ctx, "questionId", "Question");
        Fields.of(Requests.jsonBody(ctx, config.maxBodyBytes()));
        store.closeQuestion(meetingId, questionId);
        ctx.status(204);
    }

    /** Which counts a screen shows: staff get raw ones unless they ask for the public view. */
    enum View { PUBLIC, RAW }

    public void live(Context ctx) {
        var query = Query.of(ctx, "view");
        long id = meeting(ctx).id();
        GeoJson.send(ctx, "application/json", live.json(id, raw(ctx, query)));
    }

    /**
     * Raw counts for staff, unless {@code view=public}: a projector shows the room the public view
     * (small counts, pins only from the threshold on) even when a planner runs it.
     */
    private static boolean raw(Context ctx, Query query) {
        var view = query.text("view", 8).map(v -> Choices.parse("view", v, View.class)).orElse(View.RAW);
        return view == View.RAW && Access.viewer(ctx).isStaff();
    }

    /** Server-sent events: an event {@code state} with the whole live state, at once and after each change. */
    public void events(Context ctx) throws Exception {
        var query = Query.of(ctx, "view");
        long id = meeting(ctx).id();
        boolean staff = raw(ctx, query);
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw ApiError.invalid("Accept", "ask for text/event-stream (this is a server-sent event stream)");
        }
        new SseHandler(client -> updates.subscribe(id, staff, client)).handle(ctx);
    }

    private Meeting meeting(Context ctx) {
        return store.require(Requests.pathId(ctx, "id", "Meeting"));
    }

    private ObjectNode meetingJson(Context ctx, Meeting meeting) {
        ObjectNode json = LiveState.meetingJson(meeting);
        json.put("joinUrl", joinUrl(ctx, meeting));
        json.put("attending", store.attends(meeting.id(), Access.viewer(ctx)));
        return json;
    }

    private String joinUrl(Context ctx, Meeting meeting) {
        return config.publicUrl().orElseGet(() -> ctx.scheme() + "://" + ctx.host()) + meeting.joinPath();
    }

    private static String clip(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
